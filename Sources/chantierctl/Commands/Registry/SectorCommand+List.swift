import ArgumentParser
import ChantierAPI
import ChantierClient

extension SectorCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the sectors.")

        @OptionGroup var options: GlobalOptions
        @Flag(help: "Include archived sectors.") var all = false

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.SectorList
                switch try await connection.client.listSectors(query: .init(includeArchived: all)) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try SectorCommand.listing(list.sectors).render(options.format, json: list))
            }
        }
    }
}
