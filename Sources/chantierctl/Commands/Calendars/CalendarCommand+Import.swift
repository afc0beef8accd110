import ArgumentParser
import ChantierAPI
import ChantierClient

extension CalendarCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Create a school calendar, or replace its days over the range a file covers, from CSV or iCalendar.",
            discussion: """
                CSV: date,end_date,type,class_start,class_end,name with type class, no-class, \
                school-year-end, holiday or public-holiday (docs/CALENDARS.md). iCalendar (.ics): \
                Monday to Friday from the first to the last day of classes, minus the days of every \
                all-day event (pedagogical days, holidays, breaks). A new calendar needs --class-hours.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, ics
        }

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The calendar's code, such as chemin-du-roy.") var code: String
        @Argument(help: "The CSV or .ics file (- for standard input).") var file: String
        @Option(help: "csv or ics; by default from the file's extension.") var format: Format?
        @Option(help: "The calendar's name.") var name: String?
        @Option(help: "The rule pack it feeds: QC, US-FLSA or FR (QC by default).") var jurisdiction:
            Components.Schemas.RulePack?
        @Option(help: "Class hours of an ordinary day, such as 08:15-15:30.") var classHours: TimeWindow?
        @Option(help: "iCalendar: the first day of classes, YYYY-MM-DD, if the file does not say.") var firstDay:
            String?
        @Option(help: "iCalendar: the last day of classes, YYYY-MM-DD, if the file does not say.") var lastDay: String?
        @Option(help: "The first day the file is complete for (default: 1 July before its first day).") var knownFrom:
            String?
        @Option(help: "The last day the file is complete for (default: 31 August after its last day).") var knownTo:
            String?
        @Option(help: "Where the calendar comes from, such as the school board's web page.") var source: String?

        func validate() throws {
            guard format != nil || file.hasSuffix(".csv") || file.hasSuffix(".ics") else {
                throw ValidationError(
                    Messages.current.pick(
                        "say --format csv or --format ics",
                        "précisez --format csv ou --format ics"
                    )
                )
            }
        }

        func run() async throws {
            let content = try InputFile.text(file)
            let kind: Components.Schemas.CalendarImport.FormatPayload =
                (format ?? (file.hasSuffix(".ics") ? .ics : .csv)) == .ics ? .ics : .csv
            try await Invocation.run(options) { connection in
                let calendar: Components.Schemas.Calendar
                switch try await connection.client.importCalendar(
                    path: .init(code: code),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(
                            format: kind,
                            content: content,
                            name: name,
                            jurisdiction: jurisdiction,
                            classStart: classHours?.start,
                            classEnd: classHours?.end,
                            firstDay: firstDay,
                            lastDay: lastDay,
                            knownFrom: knownFrom,
                            knownTo: knownTo,
                            source: source
                        )
                    )
                ) {
                case .ok(let response): calendar = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try Show.render(calendar, format: options.format))
            }
        }
    }
}
