import ChantierAPI
import ChantierCore
import ChantierStorage
import Foundation
import HTTPTypes

extension APIHandlers {
    func listSectors(_ input: Operations.ListSectors.Input) async throws -> Operations.ListSectors.Output {
        try state.requireDatabase()
        let sectors = try await SectorRepository(database: database).list(
            includeArchived: input.query.includeArchived ?? false
        )
        return .ok(.init(body: .json(.init(sectors: sectors.map(Components.Schemas.Sector.init)))))
    }

    func createSector(_ input: Operations.CreateSector.Input) async throws -> Operations.CreateSector.Output {
        guard case .json(let body) = input.body else {
            throw APIError(.unsupportedMediaType, .unsupportedMediaType, "send JSON")
        }
        guard ReferenceCode.isValid(body.code) else {
            throw APIError(.badRequest, .invalidField, "code must be \(ReferenceCode.rule)", details: ["field": "code"])
        }
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw APIError(.badRequest, .invalidField, "name must not be blank", details: ["field": "name"])
        }
        try state.requireDatabase()
        let scope = try RequestScope.required()
        let sector = try await SectorRepository(database: database).create(
            code: body.code,
            name: name,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(sector))))
    }
}

extension Components.Schemas.Sector {
    init(_ sector: Sector) {
        self.init(id: Int64(sector.id), code: sector.code, name: sector.name, archived: sector.archived)
    }
}
