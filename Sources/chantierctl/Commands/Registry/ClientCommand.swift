import ArgumentParser
import ChantierAPI

/// `chantierctl client …`: who orders work.
struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract: "Add, list, show and archive clients (housing office, city, residents' committees…).",
        subcommands: [Add.self, List.self, Show.self, Archive.self]
    )

    static func listing(_ clients: [Components.Schemas.Client]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "code", label: "code"), .init(key: "name", label: m.pick("name", "nom")),
                .init(key: "kind", label: m.pick("kind", "type")), .init(key: "contact", label: "contact"),
                .init(key: "phone", label: m.pick("phone", "téléphone")),
            ],
            rows: clients.map { [$0.code, $0.name, $0.kind.rawValue, $0.contactName ?? "", $0.phone ?? ""] }
        )
    }

    static func record(_ client: Components.Schemas.Client) -> Record {
        let m = Messages.current
        return Record(fields: [
            .init(key: "code", label: "code", value: client.code),
            .init(key: "name", label: m.pick("name", "nom"), value: client.name),
            .init(key: "kind", label: m.pick("kind", "type"), value: client.kind.rawValue),
            .init(key: "contact", label: "contact", value: client.contactName ?? ""),
            .init(key: "phone", label: m.pick("phone", "téléphone"), value: client.phone ?? ""),
            .init(key: "email", label: m.pick("email", "courriel"), value: client.email ?? ""),
            .init(key: "notes", label: "notes", value: client.notes ?? ""),
            .init(key: "archived", label: m.pick("archived", "archivé"), value: client.archived ? m.yes : m.no),
        ])
    }
}

extension Components.Schemas.ClientKind: ExpressibleByArgument {}
