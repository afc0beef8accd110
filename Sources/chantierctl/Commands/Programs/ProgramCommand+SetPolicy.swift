import ArgumentParser
import ChantierAPI
import ChantierClient

extension ProgramCommand {
    struct SetPolicy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-policy",
            abstract: "Give a program a new policy from a date (today or later); past weeks keep theirs.",
            discussion: """
                The file holds the policy (week_starts_on, caps, targets, activities…) or a whole program \
                file, whose policy is taken. A version that has not taken effect yet may be replaced.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The program's code.") var code: String
        @Option(help: "The policy or program file (YAML or JSON).") var file: String
        @Option(help: "The day the policy takes effect, YYYY-MM-DD.") var from: String
        @Option(help: "Why it changes.") var note: String?

        func run() async throws {
            let policy = try DocumentFile.object(file, unwrapping: "policy")
            try await Invocation.run(options) { connection in
                let program: Components.Schemas.Program
                switch try await connection.client.setProgramPolicy(
                    path: .init(code: code),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(effectiveFrom: from, note: note, policy: policy))
                ) {
                case .created(let response): program = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try Show.render(program, format: options.format))
            }
        }
    }
}
