import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Testing

/// A write claims its idempotency key in its own transaction, with the change: a second request
/// with the key is told that the key is in use, and nothing of it commits.
@Suite("Idempotency keys claimed with the change", .timeLimit(.minutes(2)))
struct IdempotencyClaimTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database(migrated: true)
    }

    static let audit = AuditContext(uid: 1000, name: "marie", role: "coordinator", operation: "test.claim")
    static let claim = IdempotencyClaim(
        callerUID: 1000,
        key: "sector-1",
        method: "POST",
        path: "/v1/sectors",
        requestBody: Array(#"{"code":"nord"}"#.utf8)
    )

    private func addSector(_ code: String, on connection: PQConnection) async throws {
        try await connection.query("INSERT INTO sectors (code, name) VALUES (\(code), \(code))")
    }

    private func sectors(_ pool: PQPool) async throws -> [String] {
        try await pool.query("SELECT code FROM sectors ORDER BY code").map { try $0.decode(String.self, column: 0) }
    }

    @Test func aKeyAlreadyClaimedIsInUseAndTheSecondChangeDoesNotCommit() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            let database = Database(pool: pool)
            try await database.write(Self.audit, idempotency: Self.claim) { try await addSector("nord", on: $0) }
            let error = await #expect(throws: StorageError.self) {
                try await database.write(Self.audit, idempotency: Self.claim) { connection throws in
                    // Even a body that swallows its statement's error does not hide the claim's.
                    _ = try? await addSector("sud", on: connection)
                }
            }
            #expect(error?.code == .idempotencyKeyInUse)
            #expect(try await sectors(pool) == ["nord"])
        }
    }

    @Test func aKeyClaimedByARequestStillRunningIsInUseOnceThatRequestCommits() async throws {
        try await database.withPool(maxConnections: 3) { pool throws in
            let database = Database(pool: pool)
            let second = Locked<Task<Void, any Error>?>(nil)
            try await database.write(Self.audit, idempotency: Self.claim) { connection throws in
                try await addSector("nord", on: connection)
                // The claim is in, not committed: a second request with the key waits for it.
                second.withLock {
                    $0 = Task {
                        try await database.write(Self.audit, idempotency: Self.claim) { connection throws in
                            try await addSector("sud", on: connection)
                        }
                    }
                }
                while try await pool.query(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
                ).value(Int.self) == 0 {
                    try await Task.sleep(for: .milliseconds(10))
                }
            }
            let error = await #expect(throws: StorageError.self) { try await second.value?.value }
            #expect(error?.code == .idempotencyKeyInUse)
            #expect(try await sectors(pool) == ["nord"])
        }
    }
}
