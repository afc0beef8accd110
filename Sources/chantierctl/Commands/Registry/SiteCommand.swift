import ArgumentParser
import ChantierAPI

/// `chantierctl site …`: where work happens.
struct SiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Add, list, show, archive, import and export sites.",
        subcommands: [Add.self, List.self, Show.self, Archive.self, Import.self, Export.self, Supervisors.self]
    )

    static func listing(_ sites: [Components.Schemas.Site]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "code", label: "code"), .init(key: "name", label: m.pick("name", "nom")),
                .init(key: "sector", label: m.pick("sector", "secteur")), .init(key: "client", label: "client"),
                .init(key: "address", label: m.pick("address", "adresse")),
            ],
            rows: sites.map { [$0.code, $0.name, $0.sector, $0.client ?? "", $0.address ?? ""] }
        )
    }

    static func record(_ site: Components.Schemas.Site) -> Record {
        let m = Messages.current
        return Record(fields: [
            .init(key: "code", label: "code", value: site.code),
            .init(key: "name", label: m.pick("name", "nom"), value: site.name),
            .init(key: "sector", label: m.pick("sector", "secteur"), value: site.sector),
            .init(key: "client", label: "client", value: site.client ?? ""),
            .init(key: "address", label: m.pick("address", "adresse"), value: site.address ?? ""),
            .init(key: "notes", label: "notes", value: site.notes ?? ""),
            .init(
                key: "supervisors",
                label: m.pick("supervisors", "surveillants"),
                value: site.supervisors.joined(separator: ", ")
            ),
            .init(key: "archived", label: m.pick("archived", "archivé"), value: site.archived ? m.yes : m.no),
        ])
    }
}
