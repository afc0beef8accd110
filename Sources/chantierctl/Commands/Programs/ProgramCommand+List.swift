import ArgumentParser
import ChantierAPI
import ChantierClient

extension ProgramCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the programs.")

        @OptionGroup var options: GlobalOptions
        @Flag(help: "Include archived programs.") var all = false

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.ProgramList
                switch try await connection.client.listPrograms(query: .init(includeArchived: all)) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ProgramCommand.listing(list.programs).render(options.format, json: list))
            }
        }
    }
}
