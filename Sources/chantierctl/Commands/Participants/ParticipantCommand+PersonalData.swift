import ArgumentParser
import ChantierAPI
import ChantierClient

extension ParticipantCommand {
    struct ExportPersonalData: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-personal-data",
            abstract: "Export everything stored about a participant, as JSON, for their request to see it.",
            discussion: """
                Every row that refers to the participant (their file, guardians, consents, stays, \
                assignments, hours, outcomes, follow-ups, alerts, plans) with all its columns, and the \
                audit log's account of who changed what. The export is recorded in the audit log.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The participant's id.") var id: Int
        @Option(help: "Write to this file (readable by you only) instead of standard output.") var output: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let data: Components.Schemas.PersonalData
                switch try await connection.client.exportPersonalData(path: .init(id: id)) {
                case .ok(let response): data = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                try OutputFile.write(try JSONOutput.render(data) + "\n", to: output, ownerOnly: true)
            }
        }
    }
}
