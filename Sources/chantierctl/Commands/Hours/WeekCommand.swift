import ArgumentParser
import ChantierAPI
import ChantierClient

/// `chantierctl week …`: closing a site's week of hours.
struct WeekCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "week",
        abstract: "Submit, approve, reopen and show the closure of sites' weeks of hours.",
        discussion: """
            A supervisor submits a site's week (Monday to Sunday) when its hours are complete; a \
            coordinator approves it, which locks it: after that only an admin's correction with a \
            reason changes its hours, unless a coordinator reopens it with a reason.
            """,
        subcommands: [Status.self, Submit.self, Approve.self, Reopen.self]
    )

    static func listing(_ closures: [Components.Schemas.WeekClosure]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "site", label: "site"), .init(key: "week", label: m.pick("week", "semaine")),
                .init(key: "status", label: m.pick("status", "état")),
                .init(key: "entries", label: m.pick("entries", "entrées")),
                .init(key: "flagged_entries", label: m.pick("flagged", "signalées")),
                .init(key: "submitted_by", label: m.pick("submitted by", "soumise par")),
                .init(key: "approved_by", label: m.pick("approved by", "approuvée par")),
                .init(key: "comment", label: m.pick("comment", "commentaire")),
            ],
            rows: closures.map { closure in
                [
                    closure.site, closure.week, closure.status.rawValue, "\(closure.entries)",
                    "\(closure.flaggedEntries)",
                    closure.submittedBy ?? "", closure.approvedBy ?? "",
                    closure.acknowledgement ?? closure.reopenReason ?? "",
                ]
            }
        )
    }

    /// Prints a changed week.
    static func show(_ closure: Components.Schemas.WeekClosure, options: GlobalOptions) throws {
        let m = Messages.current
        guard options.format == .table else {
            print(try listing([closure]).render(options.format, json: closure))
            return
        }
        let status =
            switch closure.status {
            case .open: m.pick("open", "ouverte")
            case .submitted: m.pick("submitted", "soumise")
            case .approved: m.pick("approved and locked", "approuvée et verrouillée")
            case .reopened: m.pick("reopened", "rouverte")
            }
        print(
            m.pick(
                "\(closure.site) week \(closure.week) (\(closure.first)..\(closure.last)) is \(status): "
                    + "\(closure.entries) entries, \(closure.flaggedEntries) flagged",
                "semaine \(closure.week) (\(closure.first)..\(closure.last)) de \(closure.site) \(status) : "
                    + "\(closure.entries) entrées, \(closure.flaggedEntries) signalées"
            )
        )
    }
}

extension WeekCommand {
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a week's closure at every site that had shifts or hours in it."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "An ISO week such as 2026-W48 (default: this week).") var week: String?
        @Option(help: "Only this site.") var site: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let status: Components.Schemas.WeekStatus
                switch try await connection.client.getWeekStatus(
                    path: .init(week: week ?? WeekCommand.thisWeek),
                    query: .init(site: site)
                ) {
                case .ok(let response): status = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try WeekCommand.listing(status.sites).render(options.format, json: status))
            }
        }
    }

    /// This week where chantierctl runs, such as `2026-W47`.
    static var thisWeek: String { LocalDay.isoWeek }
}
