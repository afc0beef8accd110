import ArgumentParser
import ChantierAPI
import ChantierClient

extension OutcomeCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one outcome.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The outcome's id.") var id: Int

        func run() async throws {
            try await Invocation.run(options) { connection in
                let outcome: Components.Schemas.Outcome
                switch try await connection.client.getOutcome(path: .init(id: id)) {
                case .ok(let response): outcome = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try OutcomeCommand.record(outcome).render(options.format, json: outcome))
            }
        }
    }
}
