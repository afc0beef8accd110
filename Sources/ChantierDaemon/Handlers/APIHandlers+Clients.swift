import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func listClients(_ input: Operations.ListClients.Input) async throws -> Operations.ListClients.Output {
        try await state.requireDatabase()
        let clients = try await ClientRepository(database: database).list(
            includeArchived: input.query.includeArchived ?? false
        )
        return .ok(.init(body: .json(.init(clients: clients.map(Components.Schemas.Client.init)))))
    }

    func getClient(_ input: Operations.GetClient.Input) async throws -> Operations.GetClient.Output {
        try await state.requireDatabase()
        return .ok(
            .init(body: .json(.init(try await ClientRepository(database: database).client(code: input.path.code))))
        )
    }

    func createClient(_ input: Operations.CreateClient.Input) async throws -> Operations.CreateClient.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let client = Client(
            id: 0,
            code: try RecordFields.code(body.code),
            name: try RecordFields.text(body.name, field: "name"),
            kind: try RecordFields.choice(body.kind.rawValue, field: "kind"),
            contactName: try RecordFields.optionalText(body.contactName, field: "contact_name", maximum: 200),
            phone: try RecordFields.optionalText(body.phone, field: "phone", maximum: 50),
            email: try RecordFields.email(body.email),
            notes: try RecordFields.optionalText(body.notes, field: "notes")
        )
        let scope = try await scope()
        let created = try await ClientRepository(database: database).create(
            client,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(created))))
    }

    func archiveClient(_ input: Operations.ArchiveClient.Input) async throws -> Operations.ArchiveClient.Output {
        let scope = try await scope()
        try await RegistryTable.client.archive(
            code: input.path.code,
            in: database,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .noContent(.init())
    }
}

extension Components.Schemas.Client {
    init(_ client: Client) {
        self.init(
            id: client.id,
            code: client.code,
            name: client.name,
            kind: .init(rawValue: client.kind.rawValue) ?? .other,
            contactName: client.contactName,
            phone: client.phone,
            email: client.email,
            notes: client.notes,
            archived: client.archived
        )
    }
}
