import ArgumentParser
import ChantierAPI
import ChantierClient

extension ProgramCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a program from a program file (YAML or JSON), such as Config/programs/agir-ensemble.yaml.",
            discussion: """
                The file gives the code, name, audience (youth or adult), rule_pack (QC, US-FLSA, FR), \
                employer_category, ages, requires_social_housing, effective_from and the policy. A policy \
                looser than the law is refused, naming the limit.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The program file.") var file: String

        func run() async throws {
            let definition = try DocumentFile.object(file)
            try await Invocation.run(options) { connection in
                let program: Components.Schemas.Program
                switch try await connection.client.createProgram(
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(definition)
                ) {
                case .created(let response): program = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try Show.render(program, format: options.format))
            }
        }
    }
}
