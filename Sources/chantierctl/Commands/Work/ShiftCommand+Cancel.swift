import ArgumentParser
import ChantierAPI
import ChantierClient

extension ShiftCommand {
    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a shift and the assignments on it.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The shift's id.") var id: Int
        @Option(help: "Why.") var reason: String

        func run() async throws {
            try await Invocation.run(options) { connection in
                let shift: Components.Schemas.Shift
                switch try await connection.client.cancelShift(
                    path: .init(id: id),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(reason: reason))
                ) {
                case .ok(let response): shift = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ShiftCommand.record(shift).render(options.format, json: shift))
            }
        }
    }
}
