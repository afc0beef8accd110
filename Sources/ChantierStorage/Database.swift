public import ChantierPQ

/// The database as the daemon uses it: reads on any connection, and writes in a transaction that
/// first names its author for the audit log and, for a retried request, claims its idempotency key.
public struct Database: Sendable {
    public let pool: PQPool

    public init(pool: PQPool) {
        self.pool = pool
    }

    /// Runs `body` with one connection set aside for the reads and writes it makes (one lease,
    /// no switch of thread between them); see ``PQPool/withConnectionSetAside(_:)``.
    public func withConnectionSetAside<Result>(_ body: () async throws -> Result) async throws -> Result {
        try await pool.withConnectionSetAside(body)
    }

    /// Runs `body` on a pooled connection, outside any explicit transaction.
    @discardableResult
    public func read<Result>(_ body: (PQConnection) async throws -> Result) async throws -> Result {
        try await pool.withConnection(body)
    }

    /// Runs `body` in one transaction that records `audit` as the author of every change and, when
    /// given, claims `idempotency` so that the change and its key commit together.
    ///
    /// - Throws: ``StorageError`` with ``StorageError/Code/idempotencyKeyInUse`` when another request
    ///   with the same key got there first.
    @discardableResult
    public func write<Result>(
        _ audit: AuditContext,
        idempotency: IdempotencyClaim? = nil,
        isolation: PQIsolation = .readCommitted,
        _ body: (PQConnection) async throws -> Result
    ) async throws -> Result {
        try await pool.withTransaction(isolation: isolation) { connection in
            try await audit.apply(to: connection)
            if let idempotency { try await IdempotencyStore.claim(idempotency, on: connection) }
            return try await body(connection)
        }
    }
}
