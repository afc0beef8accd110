import ArgumentParser
import ChantierAPI
import ChantierClient

extension OrderCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a work order.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The order's id.") var id: Int

        func run() async throws {
            try await Invocation.run(options) { connection in
                let order: Components.Schemas.Order
                switch try await connection.client.getOrder(path: .init(id: id)) {
                case .ok(let response): order = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try OrderCommand.record(order).render(options.format, json: order))
            }
        }
    }
}
