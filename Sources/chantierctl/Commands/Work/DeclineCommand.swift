import ArgumentParser
import ChantierAPI

/// `chantierctl decline PARTICIPANT SHIFT`.
struct DeclineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline",
        abstract: "Record that a participant declined their shift; the place is free again."
    )

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The participant's id.") var participant: Int
    @Argument(help: "The shift's id.") var shift: Int
    @Option(help: "Why.") var reason: String?

    func run() async throws {
        try await AssignmentStatusChange.run(
            .declined,
            participant: participant,
            shift: shift,
            reason: reason,
            options: options
        )
    }
}
