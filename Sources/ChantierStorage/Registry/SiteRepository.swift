public import ChantierCore
import ChantierPQ

/// Sites in `sites`, named by their sector's and client's codes.
public struct SiteRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(sector: String? = nil, client: String? = nil, includeArchived: Bool = false) async throws -> [Site]
    {
        try await database.read { connection in
            try await connection.query(
                """
                SELECT \(Self.columns) FROM \(Self.joined)
                WHERE \(PQQuery.allOf([
                    includeArchived ? nil : "site.archived_at IS NULL",
                    sector.map { "sector.code = \($0)" },
                    client.map { "client.code = \($0)" },
                ]))
                ORDER BY site.code
                """
            ).map(Self.site)
        }
    }

    public func site(code: String) async throws -> Site {
        try await database.read { connection in
            guard
                let row = try await connection.query(
                    "SELECT \(Self.columns) FROM \(Self.joined) WHERE site.code = \(code)"
                )
                .firstRow
            else {
                throw StorageError(
                    code: .notFound,
                    message: "there is no site \(code); chantierctl site list shows them"
                )
            }
            return try Self.site(row)
        }
    }

    /// Adds a site; its code must be new and its sector and client must exist.
    public func create(
        _ draft: Site.Draft,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws
        -> Site
    {
        try await database.write(audit, idempotency: idempotency) { connection in
            guard try await connection.query("SELECT 1 FROM sites WHERE code = \(draft.code)").firstRow == nil else {
                throw StorageError(code: .alreadyExists, message: "a site with the code \(draft.code) exists already")
            }
            try await Self.save(draft, on: connection)
            return try Self.site(
                try await connection.query(
                    "SELECT \(Self.columns) FROM \(Self.joined) WHERE site.code = \(draft.code)"
                )[0]
            )
        }
    }

    /// Imports a CSV file in one transaction: new codes are added, existing ones updated. A file
    /// with any bad line imports nothing.
    ///
    /// - Throws: ``ImportRejected`` listing every bad line.
    public func importCSV(
        _ text: String,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws
        -> (added: Int, updated: Int)
    {
        let plan = try SiteCSV.plan(of: text)
        return try await database.write(audit, idempotency: idempotency) { connection in
            var problems: [ImportProblem] = []
            var added = 0
            for (line, draft) in plan.items {
                do {
                    if try await Self.save(draft, on: connection) { added += 1 }
                } catch let error as StorageError where error.field != nil {
                    problems.append(ImportProblem(line: line, field: error.field, message: error.message))
                }
            }
            try plan.check(adding: problems)
            return (added, plan.items.count - added)
        }
    }

    /// The sites as CSV, recorded in the audit log as an export.
    public func exportCSV(sector: String?, audit: AuditContext) async throws -> String {
        let sites = try await list(sector: sector)
        try await AuditEvent.record(
            .init(
                operation: audit.operation,
                table: "sites",
                details: ["sector": sector ?? "", "rows": "\(sites.count)"]
            ),
            audit: audit,
            in: database
        )
        return SiteCSV.text(of: sites)
    }

    /// Inserts the site or, when its code exists, updates it.
    ///
    /// - Returns: whether the site is new.
    @discardableResult
    private static func save(_ draft: Site.Draft, on connection: PQConnection) async throws -> Bool {
        let sector = try await RegistryTable.sector.id(of: draft.sectorCode, field: "sector", on: connection)
        let client = try await draft.clientCode.asyncMap { code in
            try await RegistryTable.client.id(of: code, field: "client", on: connection)
        }
        // xmax is 0 on a row this statement inserted, not on one it updated.
        return try await connection.query(
            """
            INSERT INTO sites (code, name, sector_id, client_id, address, notes)
            VALUES (\(draft.code), \(draft.name), \(sector), \(client), \(draft.address), \(draft.notes))
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, sector_id = excluded.sector_id,
                client_id = excluded.client_id, address = excluded.address, notes = excluded.notes
            RETURNING xmax = 0
            """
        ).value(Bool.self)
    }

    static let joined: PQQuery = """
        sites site JOIN sectors sector ON sector.id = site.sector_id LEFT JOIN clients client ON client.id = site.client_id
        """

    static let columns: PQQuery = """
        site.id, site.code, site.name, sector.code, client.code, site.address, site.notes, site.archived_at IS NOT NULL,
        ARRAY(SELECT user_name FROM site_supervisors supervisor WHERE supervisor.site_id = site.id ORDER BY user_name)
        """

    static func site(_ row: PQRow) throws -> Site {
        let (id, code, name, sector, client, address, notes, archived, supervisors) = try row.decode(
            Int.self,
            String.self,
            String.self,
            String.self,
            String?.self,
            String?.self,
            String?.self,
            Bool.self,
            [String].self
        )
        return Site(
            id: id,
            code: code,
            name: name,
            sectorCode: sector,
            clientCode: client,
            address: address,
            notes: notes,
            archived: archived,
            supervisors: supervisors
        )
    }

    /// Adds and removes the Unix users who supervise a site.
    public func changeSupervisors(
        code: String,
        add: [String],
        remove: [String],
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Site {
        for (field, users) in [("add", add), ("remove", remove)] {
            for user in users {
                _ = try StorageError.checking { () throws(RecordError) in try RecordFields.unixName(user, field: field)
                }
            }
        }
        return try await database.write(audit, idempotency: idempotency) { connection in
            let id = try await RegistryTable.site.existingID(of: code, on: connection)
            for user in add {
                try await connection.query(
                    "INSERT INTO site_supervisors (site_id, user_name) VALUES (\(id), \(user)) ON CONFLICT DO NOTHING"
                )
            }
            for user in remove {
                try await connection.query("DELETE FROM site_supervisors WHERE site_id = \(id) AND user_name = \(user)")
            }
            return try Self.site(
                try await connection.query("SELECT \(Self.columns) FROM \(Self.joined) WHERE site.id = \(id)")[0]
            )
        }
    }
}

extension Optional {
    /// `map` with an asynchronous, throwing transform.
    func asyncMap<Result>(_ transform: (Wrapped) async throws -> Result) async rethrows -> Result? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
