import ArgumentParser
import ChantierAPI
import ChantierClient

extension ParticipantCommand.ConsentCommand {
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a consent from a day on.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The participant's id.") var id: Int
        @Argument(help: "The consent's id (in participant show).") var consent: Int
        @Option(help: "The first day without it, YYYY-MM-DD.") var on: String

        func run() async throws {
            try await Invocation.run(options) { connection in
                let participant: Components.Schemas.Participant
                switch try await connection.client.revokeConsent(
                    path: .init(id: id, consentId: consent),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(revokedOn: on))
                ) {
                case .ok(let response): participant = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ParticipantCommand.render(participant, format: options.format))
            }
        }
    }
}
