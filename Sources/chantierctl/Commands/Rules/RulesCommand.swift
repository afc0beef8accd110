import ArgumentParser
import ChantierAPI
import ChantierClient

/// `chantierctl rules check FILE`.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Ask the daemon's rule engine.",
        subcommands: [Check.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Answer one chantier-check/1 file (the same answer as chantierd check); prints chantier-check-result/1."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The chantier-check/1 file (- for standard input).") var file: String

        func run() async throws {
            let document = try DocumentFile.object(file)
            try await Invocation.run(options) { connection in
                switch try await connection.client.checkRules(body: .json(document)) {
                case .ok(let response): print(try JSONOutput.render(try response.body.json))
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
            }
        }
    }
}
