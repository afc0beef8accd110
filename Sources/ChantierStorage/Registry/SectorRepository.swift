public import ChantierCore
import ChantierPQ

/// Sectors in `sectors`.
public struct SectorRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(includeArchived: Bool = false) async throws -> [Sector] {
        try await database.read { connection in
            try await connection.query(
                """
                SELECT id, code, name, archived_at IS NOT NULL FROM sectors
                WHERE \(includeArchived) OR archived_at IS NULL ORDER BY code
                """
            ).map(Self.sector)
        }
    }

    /// Adds a sector.
    ///
    /// - Throws: ``StorageError`` with ``StorageError/Code/alreadyExists`` when the code is taken.
    public func create(
        code: String,
        name: String,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Sector {
        do {
            return try await database.write(audit, idempotency: idempotency) { connection in
                try Self.sector(
                    try await connection.query(
                        "INSERT INTO sectors (code, name) VALUES (\(code), \(name)) RETURNING id, code, name, false"
                    )[0]
                )
            }
        } catch let error as PQError where error.is(.uniqueViolation) && error.constraint == "sectors_code_key" {
            throw StorageError(
                code: .alreadyExists,
                message: "a sector with the code \(code) exists already",
                underlying: error
            )
        }
    }

    private static func sector(_ row: PQRow) throws -> Sector {
        let (id, code, name, archived) = try row.decode(Int.self, String.self, String.self, Bool.self)
        return Sector(id: id, code: code, name: name, archived: archived)
    }
}
