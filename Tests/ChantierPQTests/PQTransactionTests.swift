import ChantierPQ
import ChantierTestSupport
import Testing

@Suite("PQ transactions retry serialization failures", .timeLimit(.minutes(2)))
struct PQTransactionTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool { pool throws in
            try await pool.query("CREATE TABLE doctors (name text PRIMARY KEY, on_call boolean NOT NULL)")
            try await pool.query("INSERT INTO doctors VALUES ('alice', true), ('bob', true)")
        }
    }

    /// Lets two tasks continue only once both have arrived.
    actor Rendezvous {
        private var waiting: CheckedContinuation<Void, Never>?

        func arrive() async {
            if let other = waiting {
                waiting = nil
                other.resume()
                return
            }
            await withCheckedContinuation { waiting = $0 }
        }
    }

    @Test func twoConflictingSerializableTransactionsBothSucceedThroughRetry() async throws {
        // Write skew: each takes one doctor off call if two are on call. Run at once, one of them
        // must fail with 40001; its retry sees one doctor left and leaves it on call.
        let rendezvous = Rendezvous()
        let attempts = Locked<[String: Int]>([:])
        try await database.withPool { pool throws in
            try await withThrowingTaskGroup { group in
                for name in ["alice", "bob"] {
                    group.addTask {
                        try await pool.withTransaction(isolation: .serializable) { connection throws in
                            let attempt = attempts.withLock { counts -> Int in
                                counts[name, default: 0] += 1
                                return counts[name]!
                            }
                            let onCall = try await connection.query(
                                "SELECT count(*) FROM doctors WHERE on_call"
                            ).value(Int.self)
                            if attempt == 1 { await rendezvous.arrive() }
                            if onCall >= 2 {
                                try await connection.query("UPDATE doctors SET on_call = false WHERE name = \(name)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await pool.query("SELECT count(*) FROM doctors WHERE on_call").value(Int.self) == 1)
        }
        let counts = attempts.value
        #expect(counts.values.sorted() == [1, 2])
    }

    @Test func retriesStopAfterTheLastAttempt() async throws {
        let calls = Locked(0)
        try await database.withPool { pool throws in
            let error = await #expect(throws: PQError.self) {
                try await pool.withTransaction(maxAttempts: 3) { connection throws in
                    calls.withLock { $0 += 1 }
                    try await connection.query(
                        "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$"
                    )
                }
            }
            #expect(error?.sqlState == .serializationFailure)
        }
        #expect(calls.value == 3)
    }

    @Test func otherErrorsAreNotRetried() async throws {
        let calls = Locked(0)
        try await database.withPool { pool throws in
            await #expect(throws: PQError.self) {
                try await pool.withTransaction { connection throws in
                    calls.withLock { $0 += 1 }
                    try await connection.query("SELECT 1 / 0")
                }
            }
        }
        #expect(calls.value == 1)
    }
}
