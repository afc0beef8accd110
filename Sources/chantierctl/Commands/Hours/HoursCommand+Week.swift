import ArgumentParser
import ChantierAPI
import ChantierClient

extension HoursCommand {
    struct Week: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a participant's week: minutes logged against every limit that applies, and what remains.",
            discussion: """
                Lists each day's limit, the Monday-to-Friday limit of a class week, the weekly limits \
                of the law and of the program's caps, and the program's weekly target.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The participant's id.") var participant: Int
        @Option(help: "An ISO week such as 2026-W48 (default: this week).") var week: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let limits: Components.Schemas.WeekLimits
                switch try await connection.client.getWeekLimits(
                    path: .init(id: participant),
                    query: .init(week: week)
                ) {
                case .ok(let response): limits = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try Self.render(limits, format: options.format))
            }
        }

        static func render(_ limits: Components.Schemas.WeekLimits, format: OutputFormat) throws -> String {
            let m = Messages.current
            let rows: [[String]] =
                limits.limits.map { line in
                    let days =
                        line.from == line.to
                        ? "\(ShiftCommand.weekday(line.from)) \(line.from)" : "\(line.from)..\(line.to)"
                    return [
                        line.program, line.rule, line.scope.rawValue, days, Minutes.text(line.limitMinutes),
                        Minutes.text(line.usedMinutes), Minutes.text(line.remainingMinutes),
                    ]
                }
                + limits.targets.map { target in
                    [
                        target.program, target.rule, "target", "\(target.from)..\(target.to)",
                        Minutes.text(target.targetMinutes), Minutes.text(target.workedMinutes),
                        target.shortfallMinutes > 0
                            ? m.pick(
                                "\(Minutes.text(target.shortfallMinutes)) short",
                                "manque \(Minutes.text(target.shortfallMinutes))"
                            )
                            : m.pick("reached", "atteinte"),
                    ]
                }
            let listing = Listing(
                columns: [
                    .init(key: "program", label: m.pick("program", "programme")),
                    .init(key: "rule", label: m.pick("rule", "règle")),
                    .init(key: "scope", label: m.pick("scope", "portée")),
                    .init(key: "days", label: m.pick("days", "jours")),
                    .init(key: "limit", label: m.pick("limit", "limite")),
                    .init(key: "used", label: m.pick("used", "utilisé")),
                    .init(key: "remaining", label: m.pick("remaining", "reste")),
                ],
                rows: rows
            )
            guard format == .table else { return try listing.render(format, json: limits) }
            let kinds = limits.minutesByKind.additionalProperties.sorted { $0.key < $1.key }
                .map { "\($0.key) \(Minutes.text($0.value))" }.joined(separator: ", ")
            let headline =
                m.pick(
                    "\(limits.participantName) (#\(limits.participantId)), \(limits.first)..\(limits.last): ",
                    "\(limits.participantName) (n° \(limits.participantId)), \(limits.first)..\(limits.last) : "
                ) + (kinds.isEmpty ? m.pick("no hours logged", "aucune heure consignée") : kinds)
            return headline + "\n" + (try listing.render(.table, json: limits))
        }
    }
}
