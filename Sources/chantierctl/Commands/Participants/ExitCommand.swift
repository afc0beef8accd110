import ArgumentParser
import ChantierAPI
import ChantierClient

/// `chantierctl exit PARTICIPANT PROGRAM --reason …`.
struct ExitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exit",
        abstract: "End a participant's stay in a program on a day, with the reason."
    )

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The participant's id.") var participant: Int
    @Argument(help: "The program's code.") var program: String
    @Option(help: "job_found, returned_to_school, moved, lost_contact or other.") var reason:
        Components.Schemas.ExitReason
    @Option(help: "The last day, YYYY-MM-DD (default: today).") var on: String?
    @Option(help: "What happened, in a few words.") var note: String?

    func run() async throws {
        try await Invocation.run(options) { connection in
            let exited: Components.Schemas.Participant
            switch try await connection.client.exitParticipant(
                path: .init(id: participant),
                headers: .init(idempotencyKey: options.idempotencyKey),
                body: .json(.init(program: program, exitOn: on ?? LocalDay.today, reason: reason, note: note))
            ) {
            case .ok(let response): exited = try response.body.json
            case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
            }
            print(try ParticipantCommand.render(exited, format: options.format))
        }
    }
}
