import ArgumentParser
import ChantierAPI
import ChantierClient

extension ClientCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a client.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The client's code.") var code: String

        func run() async throws {
            try await Invocation.run(options) { connection in
                let client: Components.Schemas.Client
                switch try await connection.client.getClient(path: .init(code: code)) {
                case .ok(let response): client = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ClientCommand.record(client).render(options.format, json: client))
            }
        }
    }
}
