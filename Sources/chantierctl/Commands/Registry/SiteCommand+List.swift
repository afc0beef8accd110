import ArgumentParser
import ChantierAPI
import ChantierClient

extension SiteCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the sites.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this sector's sites.") var sector: String?
        @Option(help: "Only this client's sites.") var client: String?
        @Flag(help: "Include archived sites.") var all = false

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.SiteList
                switch try await connection.client.listSites(
                    query: .init(sector: sector, client: client, includeArchived: all)
                ) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try SiteCommand.listing(list.sites).render(options.format, json: list))
            }
        }
    }
}
