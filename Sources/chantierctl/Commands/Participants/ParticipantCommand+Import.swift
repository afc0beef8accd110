import ArgumentParser
import ChantierAPI
import ChantierClient

extension ParticipantCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import participants from CSV: lines without an id are added, lines with one update that participant.",
            discussion: """
                Columns are those of participant export (docs/CSV.md); given_name, family_name and \
                birth_date are required to add someone. The file is imported in one transaction: if \
                any line is wrong, nothing is imported and every wrong line is listed with its number.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The CSV file (- for standard input).") var file: String

        func run() async throws {
            try await ImportReport.run(options, file: file) { connection, body, key in
                switch try await connection.client.importParticipants(
                    headers: .init(idempotencyKey: key),
                    body: .csv(body)
                ) {
                case .ok(let response): return try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
            }
        }
    }
}
