import ArgumentParser
import ChantierAPI
import ChantierClient

extension TaskCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the task kinds.")

        @OptionGroup var options: GlobalOptions
        @Flag(help: "Include archived task kinds.") var all = false

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.TaskKindList
                switch try await connection.client.listTaskKinds(query: .init(includeArchived: all)) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try TaskCommand.listing(list.taskKinds).render(options.format, json: list))
            }
        }
    }
}
