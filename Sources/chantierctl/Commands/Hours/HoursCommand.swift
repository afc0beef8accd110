import ArgumentParser
import ChantierAPI

/// `chantierctl hours …`: the ledger of hours worked.
struct HoursCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hours",
        abstract: "Log, list and correct hours worked, and see a participant's week against their limits.",
        discussion: """
            The ledger is append-only: a correction is a new entry that supersedes the old one, which \
            stays in its history. Every entry is checked by the participant's rule packs and program \
            policies; one that breaks a rule is recorded all the same, flagged with the rule ids, and \
            raises an alert for the coordinators.
            """,
        subcommands: [Log.self, NoShow.self, List.self, Correct.self, History.self, Week.self]
    )

    static func listing(_ entries: [Components.Schemas.TimeEntry]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "id", label: "id"), .init(key: "date", label: "date"),
                .init(key: "time", label: m.pick("time", "heures")),
                .init(key: "participant_id", label: "#"),
                .init(key: "participant", label: m.pick("participant", "participant")),
                .init(key: "site", label: "site"), .init(key: "kind", label: m.pick("kind", "type")),
                .init(key: "worked_minutes", label: m.pick("worked", "travaillé")),
                .init(key: "flags", label: m.pick("flags", "signalements")),
                .init(key: "change", label: m.pick("change", "modification")),
            ],
            rows: entries.map { entry in
                [
                    "\(entry.id)", "\(ShiftCommand.weekday(entry.date)) \(entry.date)", span(entry),
                    "\(entry.participantId)", entry.participantName, entry.site, entry.kind.rawValue,
                    Minutes.text(entry.workedMinutes), entry.flags.joined(separator: " "), change(entry),
                ]
            }
        )
    }

    /// `08:00-12:00`, with the break and the day after when the entry ends then.
    static func span(_ entry: Components.Schemas.TimeEntry) -> String {
        let m = Messages.current
        var text = "\(entry.start)-\(entry.end)"
        if let endDate = entry.endDate { text += " (\(endDate))" }
        if entry.breakMinutes > 0 {
            text += m.pick(" less \(entry.breakMinutes) min", " moins \(entry.breakMinutes) min")
        }
        return text
    }

    /// What a correction did: `corrects 12: reason`, `voids 12: reason`.
    static func change(_ entry: Components.Schemas.TimeEntry) -> String {
        let m = Messages.current
        guard let old = entry.supersedes else { return "" }
        let verb = entry.voids ? m.pick("voids", "annule") : m.pick("corrects", "corrige")
        return "\(verb) \(old): \(entry.reason ?? "")"
    }

    /// An entry just recorded, with the rules it broke.
    static func render(_ logged: Components.Schemas.LoggedTime, format: OutputFormat) throws -> String {
        let m = Messages.current
        let entry = logged.entry
        guard format == .table else { return try listing([entry]).render(format, json: logged) }
        var lines = [
            entry.supersedes == nil
                ? m.pick(
                    "logged entry \(entry.id): \(entry.participantName), \(entry.date) \(span(entry)) at \(entry.site), "
                        + "\(Minutes.text(entry.workedMinutes)) of \(entry.kind.rawValue)",
                    "entrée \(entry.id) consignée : \(entry.participantName), \(entry.date) \(span(entry)) à \(entry.site), "
                        + "\(Minutes.text(entry.workedMinutes)) de \(entry.kind.rawValue)"
                )
                : m.pick("entry \(entry.id) ", "entrée \(entry.id) ") + change(entry)
        ]
        if !logged.violations.isEmpty {
            lines.append(
                m.pick(
                    "recorded, but flagged \(entry.flags.joined(separator: ", ")); the coordinators have an alert:",
                    "consignée, mais signalée \(entry.flags.joined(separator: ", ")) ; les coordonnateurs ont une alerte :"
                )
            )
        }
        lines += (logged.violations + logged.warnings).map { "  \($0.rule): \($0.message) — \($0.remediation)" }
        return lines.joined(separator: "\n")
    }
}
