import ArgumentParser
import ChantierAPI
import ChantierClient

extension ParticipantCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a participant with skills, availability, programs, guardians and consents."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The participant's id.") var id: Int

        func run() async throws {
            try await Invocation.run(options) { connection in
                let participant: Components.Schemas.Participant
                switch try await connection.client.getParticipant(path: .init(id: id)) {
                case .ok(let response): participant = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ParticipantCommand.render(participant, format: options.format))
            }
        }
    }
}
