public import ChantierPQ
import Foundation
import Logging

/// Applies the migrations of `Migrations/` to a database, each in its own transaction, under an
/// advisory lock so that two runners (two daemons starting at once) never race: one applies, the
/// other waits and then finds nothing to do.
///
/// Applied migrations are recorded with their file name and SHA-256 checksum in
/// `schema_migrations`. A recorded migration whose file changed is an error, never a silent re-run.
public struct MigrationRunner: Sendable {
    public enum Event: Sendable {
        /// Another runner holds the lock; this one waits for it.
        case waitingForLock
        case applying(Migration)
        case applied(Migration, duration: Duration)
    }

    /// The advisory lock taken while migrating: "chantier" in ASCII.
    static let lockKey: Int64 = 0x6368_616E_7469_6572

    let pool: PQPool
    public let migrations: [Migration]

    public init(pool: PQPool, migrations: [Migration]) {
        self.pool = pool
        self.migrations = migrations
    }

    /// Every migration known here or recorded in the database, by version.
    public func status() async throws -> [MigrationStatus] {
        try await pool.withConnection { connection in
            let applied = try await appliedMigrations(connection)
            let checksums = try await self.checksums(connection)
            return Self.status(local: migrations, checksums: checksums, applied: applied)
        }
    }

    /// The migrations not yet applied, after checking that the applied ones are unchanged.
    public func pending() async throws -> [Migration] {
        try await pool.withConnection { connection in
            try Self.plan(
                local: migrations,
                checksums: try await checksums(connection),
                applied: try await appliedMigrations(connection)
            )
        }
    }

    /// Applies the pending migrations in order and returns them (empty when the schema is current).
    ///
    /// - Throws: ``StorageError`` when an applied migration was edited, the database knows
    ///   migrations this program does not, or a migration fails (nothing of that one is applied).
    @discardableResult
    public func migrate(onEvent: @Sendable (Event) -> Void = { _ in }) async throws -> [Migration] {
        try await pool.withConnection { connection in
            try await acquireLock(connection, onEvent: onEvent)
            do {
                let applied = try await apply(connection, onEvent: onEvent)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))")
                return applied
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))")
                throw error
            }
        }
    }

    private func acquireLock(_ connection: PQConnection, onEvent: @Sendable (Event) -> Void) async throws {
        var announced = false
        while try await !connection.query("SELECT pg_try_advisory_lock(\(Self.lockKey))").value(Bool.self) {
            if !announced {
                onEvent(.waitingForLock)
                announced = true
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    private func apply(_ connection: PQConnection, onEvent: @Sendable (Event) -> Void) async throws -> [Migration] {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                file_name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                applied_by text NOT NULL DEFAULT current_user,
                duration_ms integer NOT NULL
            )
            """
        )
        let checksums = try await checksums(connection)
        let pending = try Self.plan(
            local: migrations,
            checksums: checksums,
            applied: try await appliedMigrations(connection)
        )
        for migration in pending {
            onEvent(.applying(migration))
            let clock = ContinuousClock()
            let start = clock.now
            do {
                try await connection.withTransaction(maxAttempts: 1) { connection in
                    // A migration may take as long as it needs, and writes to audited tables in its name.
                    try await connection.query("SET LOCAL statement_timeout = 0")
                    try await connection.query(
                        "SELECT set_config('chantier.actor_name', \("migration " + migration.fileName), true)"
                    )
                    try await connection.simpleQuery(PQQuery(unsafeSQL: migration.sql))
                    let milliseconds = Int((clock.now - start).components.seconds * 1000)
                    try await connection.query(
                        """
                        INSERT INTO schema_migrations (version, file_name, checksum, duration_ms)
                        VALUES (\(migration.version), \(migration.fileName), \(checksums[migration.version]), \(milliseconds))
                        """
                    )
                }
            } catch let error as PQError {
                throw StorageError(
                    code: .migrationFailed,
                    message: "\(migration.fileName) failed and was rolled back: \(error.message)"
                        + (error.hint.map { " (hint: \($0))" } ?? ""),
                    underlying: error
                )
            }
            onEvent(.applied(migration, duration: clock.now - start))
        }
        return pending
    }

    struct Applied: Sendable {
        var version: Int
        var fileName: String
        var checksum: String
        var appliedAt: Date
    }

    private func appliedMigrations(_ connection: PQConnection) async throws -> [Applied] {
        let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL").value(Bool.self)
        guard exists else { return [] }
        return try await connection.query(
            "SELECT version, file_name, checksum, applied_at FROM schema_migrations ORDER BY version"
        ).map { row in
            let (version, fileName, checksum, appliedAt) = try row.decode(Int.self, String.self, String.self, Date.self)
            return Applied(version: version, fileName: fileName, checksum: checksum, appliedAt: appliedAt)
        }
    }

    /// SHA-256 of each migration's text, computed by the server so the program needs no crypto library.
    private func checksums(_ connection: PQConnection) async throws -> [Int: String] {
        let rows = try await connection.query(
            """
            SELECT encode(sha256(convert_to(sql, 'UTF8')), 'hex')
            FROM unnest(\(migrations.map(\.sql))::text[]) WITH ORDINALITY AS file(sql, position)
            ORDER BY position
            """
        )
        var checksums: [Int: String] = [:]
        for (migration, row) in zip(migrations, rows) {
            checksums[migration.version] = try row.decode(String.self, column: 0)
        }
        return checksums
    }

    /// The pending migrations, or the reason the database and the files disagree.
    static func plan(local: [Migration], checksums: [Int: String], applied: [Applied]) throws -> [Migration] {
        let byVersion = Dictionary(uniqueKeysWithValues: local.map { ($0.version, $0) })
        for record in applied {
            guard let migration = byVersion[record.version] else {
                throw StorageError(
                    code: .schemaNewerThanProgram,
                    message:
                        "the database has migration \(record.fileName) applied, which this chantierd does not know; "
                        + "run a chantierd at least as recent as the one that applied it"
                )
            }
            guard migration.fileName == record.fileName, checksums[record.version] == record.checksum else {
                throw StorageError(
                    code: .migrationEdited,
                    message: "\(migration.fileName) was edited after it was applied (as \(record.fileName)); "
                        + "restore the original file and put the change in a new migration"
                )
            }
        }
        let appliedVersions = Set(applied.map(\.version))
        let pending = local.filter { !appliedVersions.contains($0.version) }
        if let latest = applied.last, let early = pending.first(where: { $0.version < latest.version }) {
            throw StorageError(
                code: .migrationOutOfOrder,
                message: "\(early.fileName) is numbered before \(latest.fileName), which is already applied; "
                    + "renumber it after \(latest.version)"
            )
        }
        return pending
    }

    static func status(local: [Migration], checksums: [Int: String], applied: [Applied]) -> [MigrationStatus] {
        let records = Dictionary(uniqueKeysWithValues: applied.map { ($0.version, $0) })
        var statuses = local.map { migration -> MigrationStatus in
            guard let record = records[migration.version] else {
                return MigrationStatus(version: migration.version, fileName: migration.fileName, state: .pending)
            }
            let unchanged = record.fileName == migration.fileName && record.checksum == checksums[migration.version]
            return MigrationStatus(
                version: migration.version,
                fileName: migration.fileName,
                state: unchanged ? .applied(at: record.appliedAt) : .edited(at: record.appliedAt)
            )
        }
        let known = Set(local.map(\.version))
        for record in applied where !known.contains(record.version) {
            statuses.append(
                MigrationStatus(
                    version: record.version,
                    fileName: record.fileName,
                    state: .unknown(at: record.appliedAt)
                )
            )
        }
        return statuses.sorted { $0.version < $1.version }
    }
}
