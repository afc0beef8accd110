import ArgumentParser
import ChantierAPI
import ChantierClient

extension WeekCommand {
    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reopen a site's submitted or approved week, with a reason, so that hours can be logged again."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The site's code.") var site: String
        @Option(help: "The ISO week, such as 2026-W48.") var week: String
        @Option(help: "Why (required).") var reason: String

        func run() async throws {
            try await Invocation.run(options) { connection in
                let closure: Components.Schemas.WeekClosure
                switch try await connection.client.reopenWeek(
                    path: .init(week: week, site: site),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(reason: reason))
                ) {
                case .ok(let response): closure = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                try WeekCommand.show(closure, options: options)
            }
        }
    }
}
