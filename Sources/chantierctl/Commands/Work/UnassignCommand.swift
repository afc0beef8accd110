import ArgumentParser
import ChantierAPI

/// `chantierctl unassign PARTICIPANT SHIFT`.
struct UnassignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign",
        abstract: "Take a participant off a shift (the assignment is kept as cancelled)."
    )

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The participant's id.") var participant: Int
    @Argument(help: "The shift's id.") var shift: Int
    @Option(help: "Why.") var reason: String?

    func run() async throws {
        try await AssignmentStatusChange.run(
            .cancelled,
            participant: participant,
            shift: shift,
            reason: reason,
            options: options
        )
    }
}
