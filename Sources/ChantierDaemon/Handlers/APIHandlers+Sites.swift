import ChantierAPI
import ChantierCore
import ChantierStorage
import OpenAPIRuntime

extension APIHandlers {
    func listSites(_ input: Operations.ListSites.Input) async throws -> Operations.ListSites.Output {
        try await state.requireDatabase()
        let sites = try await SiteRepository(database: database).list(
            sector: input.query.sector,
            client: input.query.client,
            includeArchived: input.query.includeArchived ?? false
        )
        return .ok(.init(body: .json(.init(sites: sites.map(Components.Schemas.Site.init)))))
    }

    func getSite(_ input: Operations.GetSite.Input) async throws -> Operations.GetSite.Output {
        try await state.requireDatabase()
        return .ok(.init(body: .json(.init(try await SiteRepository(database: database).site(code: input.path.code)))))
    }

    func createSite(_ input: Operations.CreateSite.Input) async throws -> Operations.CreateSite.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let draft = try Site.Draft(
            code: body.code,
            name: body.name,
            sectorCode: body.sector,
            clientCode: body.client,
            address: body.address,
            notes: body.notes
        )
        let scope = try await scope()
        let site = try await SiteRepository(database: database).create(
            draft,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(site))))
    }

    func archiveSite(_ input: Operations.ArchiveSite.Input) async throws -> Operations.ArchiveSite.Output {
        let scope = try await scope()
        try await RegistryTable.site.archive(
            code: input.path.code,
            in: database,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .noContent(.init())
    }

    func importSites(_ input: Operations.ImportSites.Input) async throws -> Operations.ImportSites.Output {
        guard case .csv(let body) = input.body else { throw APIError.csvExpected() }
        let text = try await CSVBody.text(body)
        let scope = try await scope()
        let (added, updated) = try await SiteRepository(database: database).importCSV(
            text,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(added: added, updated: updated))))
    }

    func changeSiteSupervisors(
        _ input: Operations.ChangeSiteSupervisors.Input
    ) async throws
        -> Operations.ChangeSiteSupervisors.Output
    {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let scope = try await scope()
        let site = try await SiteRepository(database: database).changeSupervisors(
            code: input.path.code,
            add: body.add ?? [],
            remove: body.remove ?? [],
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(site))))
    }

    func exportSites(_ input: Operations.ExportSites.Input) async throws -> Operations.ExportSites.Output {
        let scope = try await scope()
        let text = try await SiteRepository(database: database).exportCSV(
            sector: input.query.sector,
            audit: scope.audit
        )
        return .ok(.init(body: .csv(HTTPBody(text))))
    }
}

extension Components.Schemas.Site {
    init(_ site: Site) {
        self.init(
            id: site.id,
            code: site.code,
            name: site.name,
            sector: site.sectorCode,
            client: site.clientCode,
            address: site.address,
            notes: site.notes,
            archived: site.archived,
            supervisors: site.supervisors
        )
    }
}
