import ArgumentParser
import ChantierAPI
import ChantierClient

extension SiteCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import sites from CSV: new codes are added, existing ones updated.",
            discussion: """
                Columns: code,name,sector,client,address,notes (code, name and sector required). \
                The file is imported in one transaction: if any line is wrong, nothing is imported \
                and every wrong line is listed with its number.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The CSV file (- for standard input).") var file: String

        func run() async throws {
            try await ImportReport.run(options, file: file) { connection, body, key in
                switch try await connection.client.importSites(headers: .init(idempotencyKey: key), body: .csv(body)) {
                case .ok(let response): return try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
            }
        }
    }
}
