import ArgumentParser
import ChantierAPI

/// `chantierctl task …`: kinds of work, with the equipment and minimum age the rules read.
struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Add, list, show and archive task kinds (lawn mowing, snow removal, vandalism repair…).",
        subcommands: [Add.self, List.self, Show.self, Archive.self]
    )

    static func listing(_ tasks: [Components.Schemas.TaskKind]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "code", label: "code"), .init(key: "name", label: m.pick("name", "nom")),
                .init(key: "equipment", label: m.pick("equipment", "équipement")),
                .init(key: "skills", label: m.pick("skills", "compétences")),
                .init(key: "min_age", label: m.pick("min age", "âge min.")),
            ],
            rows: tasks.map {
                [
                    $0.code, $0.name, $0.equipment.joined(separator: ";"), $0.requiredSkills.joined(separator: ";"),
                    "\($0.minAge)",
                ]
            }
        )
    }

    static func record(_ task: Components.Schemas.TaskKind) -> Record {
        let m = Messages.current
        return Record(fields: [
            .init(key: "code", label: "code", value: task.code),
            .init(key: "name", label: m.pick("name", "nom"), value: task.name),
            .init(
                key: "equipment",
                label: m.pick("equipment", "équipement"),
                value: task.equipment.joined(separator: ";")
            ),
            .init(
                key: "skills",
                label: m.pick("skills", "compétences"),
                value: task.requiredSkills.joined(separator: ";")
            ),
            .init(key: "min_age", label: m.pick("min age", "âge min."), value: "\(task.minAge)"),
            .init(key: "archived", label: m.pick("archived", "archivé"), value: task.archived ? m.yes : m.no),
        ])
    }
}
