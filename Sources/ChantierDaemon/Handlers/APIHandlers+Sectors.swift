import ChantierAPI
import ChantierCore
import ChantierStorage
import HTTPTypes

extension APIHandlers {
    func listSectors(_ input: Operations.ListSectors.Input) async throws -> Operations.ListSectors.Output {
        try await state.requireDatabase()
        let sectors = try await SectorRepository(database: database).list(
            includeArchived: input.query.includeArchived ?? false
        )
        return .ok(.init(body: .json(.init(sectors: sectors.map(Components.Schemas.Sector.init)))))
    }

    func createSector(_ input: Operations.CreateSector.Input) async throws -> Operations.CreateSector.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let code = try RecordFields.code(body.code)
        let name = try RecordFields.text(body.name, field: "name")
        let scope = try await scope()
        let sector = try await SectorRepository(database: database).create(
            code: code,
            name: name,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(sector))))
    }

    func archiveSector(_ input: Operations.ArchiveSector.Input) async throws -> Operations.ArchiveSector.Output {
        let scope = try await scope()
        try await RegistryTable.sector.archive(
            code: input.path.code,
            in: database,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .noContent(.init())
    }
}

extension Components.Schemas.Sector {
    init(_ sector: Sector) {
        self.init(id: Int64(sector.id), code: sector.code, name: sector.name, archived: sector.archived)
    }
}
