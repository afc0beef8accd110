import ArgumentParser
import ChantierAPI
import ChantierClient

extension WeekCommand {
    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a site's submitted week, which locks it.",
            discussion: """
                A week with flagged entries (chantierctl hours list --flagged) needs --acknowledge with a \
                comment saying they were seen and why the week is approved all the same.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The site's code.") var site: String
        @Option(help: "The ISO week, such as 2026-W48.") var week: String
        @Option(help: "Why a week with flagged entries is approved.") var acknowledge: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let closure: Components.Schemas.WeekClosure
                switch try await connection.client.approveWeek(
                    path: .init(week: week, site: site),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(acknowledgement: acknowledge))
                ) {
                case .ok(let response): closure = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                try WeekCommand.show(closure, options: options)
            }
        }
    }
}
