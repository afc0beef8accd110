import ArgumentParser
import ChantierAPI

/// `chantierctl shift …`: shifts made from the orders.
struct ShiftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shift",
        abstract: "List, show and cancel shifts, and make the shifts of the open orders now.",
        subcommands: [List.self, Show.self, Cancel.self, Materialize.self]
    )

    static func listing(_ shifts: [Components.Schemas.Shift]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "id", label: "id"), .init(key: "date", label: "date"),
                .init(key: "time", label: m.pick("time", "heures")), .init(key: "site", label: "site"),
                .init(key: "task", label: m.pick("task", "tâche")),
                .init(key: "title", label: m.pick("title", "titre")),
                .init(key: "staffed", label: m.pick("staffed", "pourvu")),
                .init(key: "status", label: m.pick("status", "état")),
            ],
            rows: shifts.map { shift in
                let held = shift.assignments.filter {
                    ["assigned", "confirmed", "completed", "no_show"].contains($0.status.rawValue)
                }
                return [
                    "\(shift.id)", "\(weekday(shift.date)) \(shift.date)", "\(shift.start)-\(shift.end)", shift.site,
                    shift.task, shift.title, "\(held.count)/\(shift.headcount)", shift.status.rawValue,
                ]
            }
        )
    }

    static func record(_ shift: Components.Schemas.Shift) -> Record {
        let m = Messages.current
        return Record(fields: [
            .init(key: "id", label: "id", value: "\(shift.id)"),
            .init(key: "title", label: m.pick("title", "titre"), value: shift.title),
            .init(key: "date", label: "date", value: "\(weekday(shift.date)) \(shift.date)"),
            .init(
                key: "time",
                label: m.pick("time", "heures"),
                value: "\(shift.start)-\(shift.end) (\(shift.minutes / 60) h \(shift.minutes % 60) min)"
            ),
            .init(key: "site", label: "site", value: "\(shift.site) — \(shift.siteName) (\(shift.sector))"),
            .init(key: "task", label: m.pick("task", "tâche"), value: shift.task),
            .init(key: "program", label: m.pick("program", "programme"), value: shift.program ?? ""),
            .init(key: "order", label: m.pick("order", "commande"), value: shift.orderId.map(String.init) ?? ""),
            .init(key: "headcount", label: m.pick("people", "personnes"), value: "\(shift.headcount)"),
            .init(
                key: "status",
                label: m.pick("status", "état"),
                value: shift.status.rawValue + (shift.cancelReason.map { " (\($0))" } ?? "")
            ),
            .init(
                key: "assigned",
                label: m.pick("assigned", "affectés"),
                value: shift.assignments.map { "\($0.participantName) #\($0.participantId) (\($0.status.rawValue))" }
                    .joined(separator: ", ")
            ),
        ])
    }

    /// The three-letter day of `date` (`mon`), for tables.
    static func weekday(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return "" }
        // Zeller's congruence, Monday = 0.
        var (year, month) = (parts[0], parts[1])
        if month < 3 {
            month += 12
            year -= 1
        }
        let index = (parts[2] + (13 * (month + 1)) / 5 + year + year / 4 - year / 100 + year / 400 + 5) % 7
        let names =
            Messages.current.french
            ? ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"] : ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        return names[index]
    }
}
