import ArgumentParser
import ChantierAPI
import ChantierClient

extension TaskCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a task kind.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The task kind's code.") var code: String

        func run() async throws {
            try await Invocation.run(options) { connection in
                let task: Components.Schemas.TaskKind
                switch try await connection.client.getTaskKind(path: .init(code: code)) {
                case .ok(let response): task = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try TaskCommand.record(task).render(options.format, json: task))
            }
        }
    }
}
