import ArgumentParser
import ChantierAPI

/// `chantierctl order …`: clients' work orders, from which shifts are made.
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order",
        abstract: "Add, list, show, close, import and export work orders.",
        subcommands: [Add.self, List.self, Show.self, Close.self, Import.self, Export.self]
    )

    static func listing(_ orders: [Components.Schemas.Order]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "id", label: "id"), .init(key: "title", label: m.pick("title", "titre")),
                .init(key: "site", label: "site"), .init(key: "task", label: m.pick("task", "tâche")),
                .init(key: "days", label: m.pick("days", "jours")), .init(key: "time", label: m.pick("time", "heures")),
                .init(key: "dates", label: m.pick("dates", "dates")),
                .init(key: "headcount", label: m.pick("people", "personnes")),
                .init(key: "status", label: m.pick("status", "état")),
            ],
            rows: orders.map { order in
                [
                    "\(order.id)", order.title, order.site, order.task,
                    order.weekdays.map(\.rawValue).joined(separator: ","), "\(order.start)-\(order.end)",
                    order.firstDay + " → " + (order.lastDay ?? "…"), "\(order.headcount)", order.status.rawValue,
                ]
            }
        )
    }

    static func record(_ order: Components.Schemas.Order) -> Record {
        let m = Messages.current
        return Record(fields: [
            .init(key: "id", label: "id", value: "\(order.id)"),
            .init(key: "title", label: m.pick("title", "titre"), value: order.title),
            .init(key: "client", label: "client", value: order.client ?? ""),
            .init(key: "site", label: "site", value: order.site),
            .init(key: "task", label: m.pick("task", "tâche"), value: order.task),
            .init(key: "program", label: m.pick("program", "programme"), value: order.program ?? ""),
            .init(
                key: "dates",
                label: m.pick("dates", "dates"),
                value: order.firstDay + " → " + (order.lastDay ?? "…")
            ),
            .init(
                key: "days",
                label: m.pick("days", "jours"),
                value: order.weekdays.map(\.rawValue).joined(separator: ",") + " \(order.start)-\(order.end)"
            ),
            .init(key: "headcount", label: m.pick("people", "personnes"), value: "\(order.headcount)"),
            .init(
                key: "skills",
                label: m.pick("skills", "compétences"),
                value: order.requiredSkills.joined(separator: ";")
            ),
            .init(key: "min_age", label: m.pick("min age", "âge min."), value: order.minAge.map(String.init) ?? ""),
            .init(key: "priority", label: m.pick("priority", "priorité"), value: "\(order.priority)"),
            .init(
                key: "supervised",
                label: m.pick("supervised", "encadré"),
                value: order.adultSupervision ? m.yes : m.no
            ),
            .init(
                key: "skip",
                label: m.pick("skipped days", "jours sautés"),
                value: order.skip.joined(separator: ", ")
            ),
            .init(key: "notes", label: "notes", value: order.notes ?? ""),
            .init(
                key: "status",
                label: m.pick("status", "état"),
                value: order.status.rawValue + (order.closeReason.map { " (\($0))" } ?? "")
            ),
        ])
    }
}

extension Components.Schemas.OrderStatus: ExpressibleByArgument {}
