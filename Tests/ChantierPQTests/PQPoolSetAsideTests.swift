import ChantierTestSupport
import Testing

@testable import ChantierPQ

@Suite("PQPool: a connection set aside for a request", .timeLimit(.minutes(2)))
struct PQPoolSetAsideTests {
    @Test func theCallsMadeInsideUseTheConnectionSetAsideOnItsThread() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool(maxConnections: 3) { pool throws in
            let (outside, inside) = try await pool.withConnectionSetAside {
                let thread = try await pool.withConnection { try #require($0.executor as? PQThread) }
                #expect(thread.isCurrent, "the body runs on the connection's thread")
                var pids: Set<Int32> = []
                for _ in 0..<3 {
                    pids.insert(try await pool.withConnection { $0.backendPID })
                    _ = try await pool.withTransaction { try await $0.query("SELECT 1") }
                    #expect(thread.isCurrent)
                }
                #expect(pool.usage.open == 1, "one lease for all the calls")
                return (try await pool.withConnection { $0.backendPID }, pids)
            }
            #expect(inside == [outside])
            #expect(pool.usage.idle == 1, "the connection is back in the pool")
        }
    }

    @Test func aCallMadeWhileItIsInUseLeasesAnother() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool(maxConnections: 3) { pool throws in
            try await pool.withConnectionSetAside {
                let (first, second) = try await pool.withConnection { outer in
                    (outer.backendPID, try await pool.withConnection { $0.backendPID })
                }
                #expect(first != second, "one connection, two users at once")
                // Child tasks: never two on the connection set aside at once. Each keeps its
                // connection across a pause that frees the thread for the others.
                let pids = try await withThrowingTaskGroup(of: Int32.self) { group in
                    for _ in 0..<3 {
                        group.addTask {
                            try await pool.withConnection { connection in
                                try await Task.sleep(for: .milliseconds(200))
                                try await connection.query("SELECT 1")
                                return connection.backendPID
                            }
                        }
                    }
                    return try await group.reduce(into: [Int32]()) { $0.append($1) }
                }
                #expect(Set(pids).count == 3, "\(pids)")
            }
        }
    }

    @Test func aConnectionLeftUnfitIsNotUsedAgain() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool(maxConnections: 3) { pool throws in
            try await pool.withConnectionSetAside {
                // Left inside a transaction: whoever comes next must not inherit it.
                let left = try await pool.withConnection { connection in
                    try await connection.simpleQuery(PQQuery(unsafeSQL: "BEGIN"))
                    return connection.backendPID
                }
                let next = try await pool.withConnection { $0.backendPID }
                #expect(next != left, "the connection left inside a transaction was handed out again")
            }
            #expect(pool.usage.open == 1, "the unfit connection was closed, not pooled")
        }
    }
}
