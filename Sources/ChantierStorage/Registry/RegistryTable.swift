import ChantierPQ

/// The tables of reference rows that other records name by code (`--sector adelard-dugre`).
public enum RegistryTable: Sendable, CaseIterable {
    case sector, client, site, taskKind, program, calendar

    var name: PQQuery {
        switch self {
        case .sector: "sectors"
        case .client: "clients"
        case .site: "sites"
        case .taskKind: "task_kinds"
        case .program: "programs"
        case .calendar: "school_calendars"
        }
    }

    /// The row's name in messages.
    public var noun: String {
        switch self {
        case .sector: "sector"
        case .client: "client"
        case .site: "site"
        case .taskKind: "task"
        case .program: "program"
        case .calendar: "school calendar"
        }
    }

    /// The command that lists the rows, for messages.
    var listCommand: String {
        switch self {
        case .taskKind: "chantierctl task list"
        default: "chantierctl \(noun.split(separator: " ").last!) list"
        }
    }

    /// The id of the row with `code`, which a record refers to in `field`.
    ///
    /// - Throws: ``StorageError/Code/invalidReference`` when there is none, or it is archived.
    func id(of code: String, field: String, on connection: PQConnection) async throws -> Int {
        try id(of: code, field: field, from: try await connection.query(idQuery(of: code)))
    }

    /// The statement ``id(of:field:from:)`` reads, for sending it with others.
    func idQuery(of code: String) -> PQQuery {
        "SELECT id, archived_at IS NOT NULL FROM \(name) WHERE code = \(code)"
    }

    /// The id of the row with `code`, from the rows of ``idQuery(of:)``.
    func id(of code: String, field: String, from result: PQResult) throws -> Int {
        guard let row = result.firstRow else {
            throw StorageError(
                code: .invalidReference,
                message: "there is no \(noun) \(code); \(listCommand) shows them",
                field: field
            )
        }
        let (id, archived) = try row.decode(Int.self, Bool.self)
        guard !archived else {
            throw StorageError(
                code: .invalidReference,
                message: "the \(noun) \(code) is archived; choose another one",
                field: field
            )
        }
        return id
    }

    /// The id of the row with `code`, for an operation on that row itself.
    ///
    /// - Throws: ``StorageError/Code/notFound`` when there is none.
    func existingID(of code: String, on connection: PQConnection) async throws -> Int {
        guard let row = try await connection.query("SELECT id FROM \(name) WHERE code = \(code)").firstRow else {
            throw StorageError(code: .notFound, message: "there is no \(noun) \(code); \(listCommand) shows them")
        }
        return try row.decode(Int.self, column: 0)
    }

    /// Archives the row with `code` (archiving twice changes nothing): it stays in history and
    /// statistics but is no longer offered for new records.
    public func archive(
        code: String,
        in database: Database,
        audit: AuditContext,
        idempotency: IdempotencyClaim?
    )
        async throws
    {
        try await database.write(audit, idempotency: idempotency) { connection in
            let id = try await existingID(of: code, on: connection)
            try await connection.query(
                "UPDATE \(name) SET archived_at = now() WHERE id = \(id) AND archived_at IS NULL"
            )
        }
    }
}

extension PQError {
    /// Whether this is the violation of the unique constraint `constraint`.
    func isUniqueViolation(_ constraint: String) -> Bool {
        self.is(.uniqueViolation) && self.constraint == constraint
    }
}
