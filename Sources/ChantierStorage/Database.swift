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
    /// given, claims `idempotency` so that the change and its key commit together. Both go out with
    /// the transaction's first statement.
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
        do {
            return try await pool.withTransaction(
                isolation: isolation,
                prologue: [audit.settings] + (idempotency.map { [IdempotencyStore.claim($0)] } ?? []),
                body
            )
        } catch let error as PQError {
            throw IdempotencyStore.claimError(error) ?? error
        }
    }
}
