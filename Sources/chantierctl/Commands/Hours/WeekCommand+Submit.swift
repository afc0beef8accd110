import ArgumentParser
import ChantierAPI
import ChantierClient

extension WeekCommand {
    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Submit a site's week of hours as complete.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The site's code.") var site: String
        @Option(help: "An ISO week such as 2026-W48 (default: this week).") var week: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let closure: Components.Schemas.WeekClosure
                switch try await connection.client.submitWeek(
                    path: .init(week: week ?? WeekCommand.thisWeek, site: site),
                    headers: .init(idempotencyKey: options.idempotencyKey)
                ) {
                case .ok(let response): closure = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                try WeekCommand.show(closure, options: options)
            }
        }
    }
}
