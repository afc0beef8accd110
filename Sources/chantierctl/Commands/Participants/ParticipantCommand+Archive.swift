import ArgumentParser
import ChantierAPI
import ChantierClient

extension ParticipantCommand {
    struct Archive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Archive a participant: nothing is deleted, they are no longer offered for work."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The participant's id.") var id: Int

        func run() async throws {
            try await Invocation.run(options) { connection in
                let participant: Components.Schemas.Participant
                switch try await connection.client.archiveParticipant(
                    path: .init(id: id),
                    headers: .init(idempotencyKey: options.idempotencyKey)
                ) {
                case .ok(let response): participant = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ParticipantCommand.render(participant, format: options.format))
            }
        }
    }
}
