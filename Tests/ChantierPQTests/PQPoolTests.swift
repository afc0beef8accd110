import ChantierTestSupport
import Foundation
import Testing

@testable import ChantierPQ

@Suite("PQPool: bounded, self-healing, off the cooperative pool", .timeLimit(.minutes(3)))
struct PQPoolTests {
    @Test func survivesAServerRestart() async throws {
        // A private cluster: restarting the shared one would break the other tests.
        let cluster = try await TestCluster.create()
        let pool = PQPool(
            configuration: .init(connection: .init(conninfo: cluster.conninfo()), maxConnections: 2),
            logger: TestDatabases.logger
        )
        do {
            let before = try await pool.withConnection { $0.backendPID }
            try await cluster.stop()
            let down = await #expect(throws: PQError.self) { try await pool.query("SELECT 1") }
            #expect(down?.code == .connectionFailed)
            try await cluster.start()
            // The first query after the restart succeeds, on a new connection.
            let after = try await pool.withConnection { connection throws in
                #expect(try await connection.query("SELECT 41 + 1").value(Int.self) == 42)
                return connection.backendPID
            }
            #expect(after != before)
        } catch {
            await pool.close()
            await cluster.destroy()
            throw error
        }
        await pool.close()
        await cluster.destroy()
    }

    @Test func anIdleConnectionKilledByTheServerIsReplaced() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool(maxConnections: 2) { pool throws in
            let victim = try await pool.withConnection { $0.backendPID }
            try await database.withPool(maxConnections: 1) { other in
                try await other.query("SELECT pg_terminate_backend(\(victim))")
            }
            try await Task.sleep(for: .milliseconds(100))
            #expect(try await pool.query("SELECT 1").value(Int.self) == 1)
        }
    }

    @Test func waitingForAConnectionTimesOutCleanly() async throws {
        try await withTheOnlyConnectionHeld(acquireTimeout: .milliseconds(300)) { pool, release in
            let error = await #expect(throws: PQError.self) { try await pool.query("SELECT 1") }
            #expect(error?.code == .poolTimeout)
            #expect(pool.usage.waiting == 0)
            try await release()
            #expect(try await pool.query("SELECT 2").value(Int.self) == 2)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func eachWaiterTimesOutOnItsOwnDeadlineAndALaterOneCanStillBeServed() async throws {
        // One task times the waiters out: it must wake for each deadline in turn, not only the first.
        try await withTheOnlyConnectionHeld(acquireTimeout: .milliseconds(800)) { pool, release in
            let clock = ContinuousClock()
            let first = Task { try await pool.query("SELECT 1") }
            try await Task.sleep(for: .milliseconds(400))
            let secondStarted = clock.now
            let second = Task { try await pool.query("SELECT 2") }
            // Awaited so that the time limit's cancellation reaches them: a waiter left behind by the
            // sweep then fails as cancelled instead of hanging the run.
            let firstError = await #expect(throws: PQError.self) { try await value(of: first) }
            #expect(firstError?.code == .poolTimeout)
            let secondError = await #expect(throws: PQError.self) { try await value(of: second) }
            #expect(secondError?.code == .poolTimeout)
            #expect(
                clock.now - secondStarted >= .milliseconds(800),
                "the second waiter gave up before its own deadline"
            )
            #expect(pool.usage.waiting == 0)

            // A waiter queued after the others timed out is handed the connection when it comes back.
            let third = Task { try await pool.query("SELECT 3").value(Int.self) }
            while pool.usage.waiting == 0 { try await Task.sleep(for: .milliseconds(10)) }
            try await release()
            #expect(try await value(of: third) == 3)
        }
    }

    @Test func aCancelledQueryIsStoppedOnTheServerAndItsConnectionRetired() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool(maxConnections: 2) { pool throws in
            let sleeper = Task { try await pool.query("SELECT pg_sleep(30) /* cancel-me */") }
            try await waitUntil(pool, sees: 1, matching: "%cancel-me%")
            sleeper.cancel()
            let error = await #expect(throws: PQError.self) { try await sleeper.value }
            #expect(error?.sqlState == .queryCanceled)
            try await waitUntil(pool, sees: 0, matching: "%cancel-me%")
            #expect(pool.usage.open == 1)
        }
    }

    @Test func blockingCallsStayOffTheCooperativePool() async throws {
        // More statements blocked in pg_sleep than the machine has cores: if libpq's blocking
        // calls ran on Swift's cooperative threads, nothing else could run until they finished.
        let sleepers = ProcessInfo.processInfo.activeProcessorCount + 1
        let database = try await TestDatabases.shared.database(migrated: false)
        let finished = Locked(0)
        try await database.withPool(maxConnections: sleepers + 1) { pool throws in
            try await withThrowingTaskGroup { group in
                for _ in 0..<sleepers {
                    group.addTask {
                        try await pool.query("SELECT pg_sleep(8) /* blocking-test */")
                        finished.withLock { $0 += 1 }
                    }
                }
                try await waitUntil(pool, sees: sleepers, matching: "%blocking-test%")
                #expect(try await pool.query("SELECT 'still responsive'").value(String.self) == "still responsive")
                #expect(finished.value == 0, "the quick query had to wait for the sleepers")
                try await group.waitForAll()
            }
        }
    }

    @Test func aLeasedConnectionRunsItsHoldersCodeOnItsOwnThread() async throws {
        // The code between a transaction's statements runs on the connection's thread, so that a
        // statement is a direct call and not two switches of thread.
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool(maxConnections: 2) { pool throws in
            let threads = try await withThrowingTaskGroup(of: Set<UInt>.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await pool.withConnection { connection throws in
                            var seen: Set<UInt> = []
                            for _ in 0..<3 {
                                try await connection.query("SELECT pg_sleep(0.05)")
                                let thread = try #require(connection.executor as? PQThread)
                                #expect(thread.isCurrent, "on \(Thread.current.name ?? "a thread with no name")")
                                seen.insert(UInt(pthread_self()))
                            }
                            return seen
                        }
                    }
                }
                return try await group.reduce(into: [Set<UInt>]()) { $0.append($1) }
            }
            #expect(threads.allSatisfy { $0.count == 1 }, "one connection, one thread: \(threads)")
            #expect(Set(threads.flatMap { $0 }).count == 2, "two connections held at once ran on one thread")
        }
    }

    @Test func preparedStatementsAreCachedAndSurviveATableChange() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool(maxConnections: 1) { pool throws in
            try await pool.withConnection { connection throws in
                try await connection.query("CREATE TABLE sites (id int, name text)")
                try await connection.query("INSERT INTO sites VALUES (1, 'Jean-Nicolet')")
                for _ in 0..<3 { try await connection.query("SELECT * FROM sites WHERE id = \(1)") }
                let prepared = try await connection.query(
                    "SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT * FROM sites WHERE id = $1'"
                ).value(Int.self)
                #expect(prepared == 1)
                try await connection.query("ALTER TABLE sites ADD COLUMN sector text DEFAULT 'nord'")
                let rows = try await connection.query("SELECT * FROM sites WHERE id = \(1)")
                #expect(rows.columns == ["id", "name", "sector"])
            }
        }
    }

    /// Statements are found again from the literals they are built from: each query built at one
    /// place of the source is prepared once, whatever its values, as is a composed query or the same
    /// raw text; another parameter type makes another statement.
    @Test func eachQueryOfTheSourceIsPreparedOnce() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool(maxConnections: 1) { pool throws in
            try await pool.withConnection { connection throws in
                try await connection.query("CREATE TABLE sites (id bigint, code text)")
                try await connection.query("INSERT INTO sites VALUES (1, 'nord'), (2, 'sud')")
                func named(_ id: Int) -> PQQuery { "SELECT code FROM sites WHERE id = \(id)" }
                func composed(_ condition: PQQuery) -> PQQuery {
                    "SELECT code FROM sites WHERE \(condition) ORDER BY id"
                }
                var codes: [String] = []
                for id in [1, 2, 1, 2] {
                    codes.append(try await connection.query(named(id)).value(String.self))
                    try await connection.query(composed("id = \(id) OR code = \("nord")"))
                    try await connection.query(PQQuery(unsafeSQL: "SELECT code FROM sites WHERE id = 2"))
                    try await connection.query("SELECT code FROM sites WHERE id = \(Int32(id))")
                }
                #expect(codes == ["nord", "sud", "nord", "sud"])
                let prepared = try await connection.query(
                    """
                    SELECT statement, parameter_types::text[] FROM pg_prepared_statements
                    WHERE statement LIKE 'SELECT code FROM sites%' ORDER BY statement COLLATE "C", parameter_types::text
                    """
                ).map { try $0.decode(String.self, [String].self) }
                #expect(
                    prepared.map(\.0) == [
                        "SELECT code FROM sites WHERE id = $1", "SELECT code FROM sites WHERE id = $1",
                        "SELECT code FROM sites WHERE id = $1 OR code = $2 ORDER BY id",
                        "SELECT code FROM sites WHERE id = 2",
                    ]
                )
                #expect(prepared.map(\.1) == [["bigint"], ["integer"], ["bigint", "text"], []])
            }
        }
    }

    /// Polls until `count` active statements match `pattern` (at most about 10 s).
    /// Runs `body` with a pool of one connection, which another task holds until `body` calls
    /// `release` (which waits for it to be given back); the pool is closed afterwards.
    private func withTheOnlyConnectionHeld(
        acquireTimeout: Duration,
        _ body: (PQPool, _ release: @Sendable () async throws -> Void) async throws -> Void
    ) async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        let pool = PQPool(
            configuration: .init(
                connection: .init(conninfo: database.conninfo),
                maxConnections: 1,
                acquireTimeout: acquireTimeout
            ),
            logger: TestDatabases.logger
        )
        let (held, holding) = AsyncStream<Void>.makeStream()
        let (released, releasing) = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await pool.withConnection { _ in
                holding.yield()
                for await _ in released { break }
            }
        }
        for await _ in held { break }
        let release: @Sendable () async throws -> Void = {
            releasing.yield()
            try await holder.value
        }
        do {
            try await body(pool, release)
        } catch {
            releasing.yield()
            await pool.close()
            throw error
        }
        try await release()
        await pool.close()
    }

    /// The task's value, the task cancelled if the caller is.
    private func value<Success: Sendable>(of task: Task<Success, any Error>) async throws -> Success {
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    private func waitUntil(_ pool: PQPool, sees count: Int, matching pattern: String) async throws {
        for _ in 0..<200 {
            let active = try await pool.query(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE state = 'active' AND query LIKE \(pattern) AND pid <> pg_backend_pid()
                """
            ).value(Int.self)
            if active == count { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("never saw \(count) statement(s) matching \(pattern)")
    }
}
