import ArgumentParser
import ChantierAPI
import ChantierClient

extension CalendarCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Show a calendar's periods: school period, exempt breaks and summer (QC), school weeks (US-FLSA), holidays (FR)."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The calendar's code.") var code: String
        @Option(help: "Read it under this rule pack (QC, US-FLSA or FR); by default its own.") var rulePack:
            Components.Schemas.RulePack?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let calendar: Components.Schemas.Calendar
                switch try await connection.client.getCalendar(
                    path: .init(code: code),
                    query: .init(rulePack: rulePack)
                ) {
                case .ok(let response): calendar = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try Self.render(calendar, format: options.format))
            }
        }

        static func render(_ calendar: Components.Schemas.Calendar, format: OutputFormat) throws -> String {
            let m = Messages.current
            let listing = Listing(
                columns: [
                    .init(key: "first", label: m.pick("from", "du")), .init(key: "last", label: m.pick("to", "au")),
                    .init(key: "days", label: m.pick("days", "jours")),
                    .init(key: "kind", label: m.pick("period", "période")),
                    .init(key: "note", label: m.pick("what it means", "ce que cela change")),
                ],
                rows: calendar.periods.map { [$0.first, $0.last, "\($0.days)", $0.kind.rawValue, $0.note] }
            )
            guard format == .table else { return try listing.render(format, json: calendar) }
            let summary = calendar.summary
            var text =
                "\(summary.code) — \(summary.name)\n"
                + m.pick("periods under", "périodes selon") + " \(calendar.rulePack.rawValue), "
                + m.pick("classes", "classes") + " \(summary.classStart)-\(summary.classEnd), "
                + m.pick("known from", "connu du") + " \(summary.knownFrom) " + m.pick("to", "au")
                + " \(summary.knownTo)\n\n"
                + (try listing.render(.table, json: calendar))
            if !calendar.schoolYearEnds.isEmpty {
                text +=
                    "\n\n" + m.pick("last days of school years", "derniers jours d’année scolaire") + ": "
                    + calendar.schoolYearEnds.joined(separator: ", ")
            }
            for holiday in calendar.holidays {
                text += "\n" + m.pick("holiday", "vacances") + " \(holiday.first)–\(holiday.last): \(holiday.name)"
            }
            for day in calendar.shortDays {
                text +=
                    "\n" + m.pick("short day", "horaire particulier")
                    + " \(day.date): \(day.classStart)-\(day.classEnd)"
            }
            return text
        }
    }
}
