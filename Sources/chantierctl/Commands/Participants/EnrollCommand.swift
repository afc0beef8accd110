import ArgumentParser
import ChantierAPI
import ChantierClient

/// `chantierctl enroll PARTICIPANT PROGRAM`.
struct EnrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Enroll a participant in a program from a day, after checking they are eligible."
    )

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The participant's id.") var participant: Int
    @Argument(help: "The program's code.") var program: String
    @Option(help: "The first day, YYYY-MM-DD (default: today).") var on: String?

    func run() async throws {
        try await Invocation.run(options) { connection in
            let enrolled: Components.Schemas.Participant
            switch try await connection.client.enrollParticipant(
                path: .init(id: participant),
                headers: .init(idempotencyKey: options.idempotencyKey),
                body: .json(.init(program: program, startsOn: on ?? LocalDay.today))
            ) {
            case .created(let response): enrolled = try response.body.json
            case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
            }
            print(try ParticipantCommand.render(enrolled, format: options.format))
        }
    }
}
