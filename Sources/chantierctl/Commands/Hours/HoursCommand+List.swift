import ArgumentParser
import ChantierAPI
import ChantierClient

extension HoursCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the entries in force (not corrected) of a week or of a range of days."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "An ISO week such as 2026-W48 (default: this week).") var week: String?
        @Option(help: "The first day, YYYY-MM-DD.") var from: String?
        @Option(help: "The last day, YYYY-MM-DD.") var to: String?
        @Option(help: "Only this participant's entries (their id).") var participant: Int?
        @Option(help: "Only this site's entries.") var site: String?
        @Flag(help: "Only entries that broke a rule.") var flagged = false

        func validate() throws {
            if week != nil && (from != nil || to != nil) {
                throw ValidationError(
                    Messages.current.pick("choose --week or --from/--to", "choisissez --week ou --from/--to")
                )
            }
        }

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.TimeEntryList
                switch try await connection.client.listTimeEntries(
                    query: .init(week: week, from: from, to: to, participant: participant, site: site, flagged: flagged)
                ) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                var text = try HoursCommand.listing(list.entries).render(options.format, json: list)
                if options.format == .table && !list.entries.isEmpty {
                    text +=
                        "\n" + Messages.current.pick("total", "total") + ": "
                        + Minutes.text(list.workedMinutes)
                }
                print(text)
            }
        }
    }
}
