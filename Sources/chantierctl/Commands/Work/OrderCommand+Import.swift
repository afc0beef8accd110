import ArgumentParser
import ChantierAPI
import ChantierClient

extension OrderCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import new work orders from CSV, with their shifts.",
            discussion: """
                Columns: title,client,site,task,program,first_day,last_day,weekdays,start,end,headcount,\
                skills,min_age,priority,supervised,skip,notes (docs/CSV.md). The file is imported in one \
                transaction: if any line is wrong, nothing is imported and every wrong line is listed.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The CSV file (- for standard input).") var file: String

        func run() async throws {
            try await ImportReport.run(options, file: file) { connection, body, key in
                switch try await connection.client.importOrders(headers: .init(idempotencyKey: key), body: .csv(body)) {
                case .ok(let response): return try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
            }
        }
    }
}
