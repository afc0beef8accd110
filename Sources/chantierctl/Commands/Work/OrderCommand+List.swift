import ArgumentParser
import ChantierAPI
import ChantierClient

extension OrderCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List work orders.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this site's orders.") var site: String?
        @Option(help: "Only this program's orders.") var program: String?
        @Option(help: "open or closed.") var status: Components.Schemas.OrderStatus?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.OrderList
                switch try await connection.client.listOrders(
                    query: .init(site: site, program: program, status: status)
                ) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try OrderCommand.listing(list.orders).render(options.format, json: list))
            }
        }
    }
}
