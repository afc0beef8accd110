import ArgumentParser
import ChantierAPI
import ChantierClient

extension HoursCommand {
    struct NoShow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "no-show",
            abstract: "Record that an assigned participant did not come to a shift."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The participant's id.") var participant: Int
        @Option(help: "The shift they missed.") var shift: Int
        @Option(help: "A note for the record.") var note: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let updated: Components.Schemas.Shift
                switch try await connection.client.recordNoShow(
                    path: .init(id: shift, participantId: participant),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(note: note))
                ) {
                case .ok(let response): updated = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ShiftCommand.record(updated).render(options.format, json: updated))
            }
        }
    }
}
