import ArgumentParser
import ChantierAPI
import ChantierClient
import Foundation

extension ProgramCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a program and every version of its policy.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The program's code.") var code: String

        func run() async throws {
            try await Invocation.run(options) { connection in
                let program: Components.Schemas.Program
                switch try await connection.client.getProgram(path: .init(code: code)) {
                case .ok(let response): program = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try Self.render(program, format: options.format))
            }
        }

        static func render(_ program: Components.Schemas.Program, format: OutputFormat) throws -> String {
            let m = Messages.current
            let record = Record(fields: [
                .init(key: "code", label: "code", value: program.code),
                .init(key: "name", label: m.pick("name", "nom"), value: program.name),
                .init(key: "audience", label: m.pick("audience", "public"), value: program.audience.rawValue),
                .init(key: "rule_pack", label: m.pick("rule pack", "règles"), value: program.rulePack.rawValue),
                .init(key: "employer", label: m.pick("employer", "employeur"), value: program.employerCategory),
                .init(key: "ages", label: m.pick("ages", "âges"), value: ProgramCommand.ages(program)),
                .init(
                    key: "social_housing",
                    label: m.pick("social housing only", "logement social exigé"),
                    value: program.requiresSocialHousing ? m.yes : m.no
                ),
            ])
            guard format == .table else { return try record.render(format, json: program) }
            var text = try record.render(.table, json: program)
            for version in program.policies {
                text += "\n\n" + m.pick("policy from", "politique depuis") + " \(version.effectiveFrom)"
                if let note = version.note { text += " — \(note)" }
                text += "\n" + (try JSONOutput.render(version.policy))
            }
            return text
        }
    }
}
