import ArgumentParser
import ChantierAPI
import ChantierClient

extension ClientCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the clients.")

        @OptionGroup var options: GlobalOptions
        @Flag(help: "Include archived clients.") var all = false

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.ClientList
                switch try await connection.client.listClients(query: .init(includeArchived: all)) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ClientCommand.listing(list.clients).render(options.format, json: list))
            }
        }
    }
}
