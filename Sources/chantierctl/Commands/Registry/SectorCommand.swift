import ArgumentParser
import ChantierAPI
import ChantierClient

/// `chantierctl sector …`: the neighbourhoods work is organised by.
struct SectorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sector",
        abstract: "Add, list and archive sectors (neighbourhoods).",
        subcommands: [Add.self, List.self, Archive.self]
    )

    static func listing(_ sectors: [Components.Schemas.Sector]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "code", label: "code"), .init(key: "name", label: m.pick("name", "nom")),
                .init(key: "archived", label: m.pick("archived", "archivé")),
            ],
            rows: sectors.map { [$0.code, $0.name, $0.archived ? m.yes : m.no] }
        )
    }
}
