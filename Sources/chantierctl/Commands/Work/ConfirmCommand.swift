import ArgumentParser
import ChantierAPI

/// `chantierctl confirm PARTICIPANT SHIFT`.
struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record that a participant confirmed their shift."
    )

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The participant's id.") var participant: Int
    @Argument(help: "The shift's id.") var shift: Int

    func run() async throws {
        try await AssignmentStatusChange.run(
            .confirmed,
            participant: participant,
            shift: shift,
            reason: nil,
            options: options
        )
    }
}
