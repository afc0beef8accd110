import ChantierPQ
import ChantierTestSupport
import Testing

/// A transaction's `BEGIN` and prologue go out with its first statement: these tests check that
/// nothing about the transaction changes for it.
@Suite("PQ transaction prologues", .timeLimit(.minutes(2)))
struct PQTransactionPrologueTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool { pool throws in
            try await pool.query("CREATE TABLE keys (key text PRIMARY KEY)")
            try await pool.query("INSERT INTO keys VALUES ('taken')")
        }
    }

    struct Refused: Error {}

    private func keys(_ pool: PQPool) async throws -> [String] {
        try await pool.query("SELECT key FROM keys ORDER BY key").map { try $0.decode(String.self, column: 0) }
    }

    @Test func thePrologueRunsFirstInsideTheTransaction() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            let (setting, sameTransaction) = try await pool.withTransaction(
                prologue: ["SELECT set_config('test.author', 'alice', true)"]
            ) { connection throws in
                let setting = try await connection.query("SELECT current_setting('test.author', true)")
                    .value(String.self)
                let first = try await connection.query("SELECT txid_current()").value(Int.self)
                let second = try await connection.query("SELECT txid_current()").value(Int.self)
                return (setting, first == second)
            }
            #expect(setting == "alice")
            #expect(sameTransaction)
            // Set for the transaction only: the same connection, after it, no longer has it.
            let after = try await pool.query("SELECT coalesce(current_setting('test.author', true), '')")
            #expect(try after.value(String.self) == "")
        }
    }

    @Test func aPrologueIsCommittedWhenTheBodySendsNothing() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            try await pool.withTransaction(prologue: ["INSERT INTO keys VALUES ('quiet')"]) { _ throws in }
            #expect(try await keys(pool) == ["quiet", "taken"])
        }
    }

    @Test func aBodyThatThrowsBeforeItsFirstStatementLeavesNothingAndAUsableConnection() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            await #expect(throws: Refused.self) {
                try await pool.withTransaction(prologue: ["INSERT INTO keys VALUES ('early')"]) { _ throws in
                    throw Refused()
                }
            }
            await #expect(throws: Refused.self) {
                try await pool.withTransaction(prologue: ["INSERT INTO keys VALUES ('late')"]) { connection throws in
                    try await connection.query("INSERT INTO keys VALUES ('body')")
                    throw Refused()
                }
            }
            #expect(try await keys(pool) == ["taken"])
            try await pool.withTransaction { connection throws in
                _ = try await connection.query("INSERT INTO keys VALUES ('next')")
            }
            #expect(try await keys(pool) == ["next", "taken"])
        }
    }

    /// The body's first statement receives the prologue's error; whatever the body makes of it,
    /// the transaction throws that error and commits nothing.
    @Test func aFailingPrologueIsWhatTheTransactionThrowsEvenIfTheBodySwallowsIt() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            let swallowed = await #expect(throws: PQError.self) {
                try await pool.withTransaction(prologue: ["INSERT INTO keys VALUES ('taken')"]) { connection throws in
                    _ = try? await connection.query("INSERT INTO keys VALUES ('mine')")
                    _ = try? await connection.query("INSERT INTO keys VALUES ('more')")
                }
            }
            #expect(swallowed?.sqlState == .uniqueViolation)
            let converted = await #expect(throws: PQError.self) {
                try await pool.withTransaction(prologue: ["INSERT INTO keys VALUES ('taken')"]) { connection throws in
                    do {
                        try await connection.query("INSERT INTO keys VALUES ('mine')")
                    } catch {
                        throw Refused()
                    }
                }
            }
            #expect(converted?.sqlState == .uniqueViolation)
            #expect(converted?.constraint == "keys_pkey")
            #expect(try await keys(pool) == ["taken"])
        }
    }

    @Test func aTransientFailureInThePrologueIsRetriedWithIt() async throws {
        let calls = Locked(0)
        try await database.withPool(maxConnections: 1) { pool throws in
            let error = await #expect(throws: PQError.self) {
                try await pool.withTransaction(
                    prologue: [
                        "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$"
                    ],
                    maxAttempts: 3
                ) { connection throws in
                    calls.withLock { $0 += 1 }
                    try await connection.query("SELECT 1")
                }
            }
            #expect(error?.sqlState == .serializationFailure)
        }
        #expect(calls.value == 3)
    }
}
