import ArgumentParser
import ChantierAPI
import ChantierClient
import OpenAPIRuntime

extension OrderCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export work orders as CSV (the export is recorded in the audit log)."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this site's orders.") var site: String?
        @Option(help: "open or closed.") var status: Components.Schemas.OrderStatus?
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let body: HTTPBody
                switch try await connection.client.exportOrders(query: .init(site: site, status: status)) {
                case .ok(let response): body = try response.body.csv
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                try OutputFile.write(try await String(collecting: body, upTo: .max), to: output)
            }
        }
    }
}
