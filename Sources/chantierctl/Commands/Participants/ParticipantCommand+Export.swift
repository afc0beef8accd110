import ArgumentParser
import ChantierAPI
import ChantierClient
import OpenAPIRuntime

extension ParticipantCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export participants as CSV (the export, with who made it, is recorded in the audit log)."
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var filter: ParticipantFilterOptions
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let body: HTTPBody
                switch try await connection.client.exportParticipants(
                    query: .init(
                        program: filter.program,
                        sector: filter.sector,
                        status: filter.status,
                        minAge: filter.age?.minimum,
                        maxAge: filter.age?.maximum,
                        search: filter.search
                    )
                ) {
                case .ok(let response): body = try response.body.csv
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                try OutputFile.write(try await String(collecting: body, upTo: .max), to: output)
            }
        }
    }
}
