import ArgumentParser
import ChantierAPI
import ChantierClient

extension OrderCommand {
    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a work order: its shifts from a day on are cancelled, with their assignments."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The order's id.") var id: Int
        @Option(help: "Why.") var reason: String
        @Option(help: "The first day without shifts, YYYY-MM-DD (default: today).") var from: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let order: Components.Schemas.Order
                switch try await connection.client.closeOrder(
                    path: .init(id: id),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(from: from, reason: reason))
                ) {
                case .ok(let response): order = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try OrderCommand.record(order).render(options.format, json: order))
            }
        }
    }
}
