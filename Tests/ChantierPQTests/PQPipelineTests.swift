import ChantierPQ
import ChantierTestSupport
import Testing

@Suite("PQ pipelines: several statements in one round trip", .timeLimit(.minutes(2)))
struct PQPipelineTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool { pool throws in
            try await pool.query("CREATE TABLE visits (id int PRIMARY KEY, note text)")
        }
    }

    @Test func eachStatementsRowsComeBackInOrder() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            let results = try await pool.withConnection { connection throws in
                try await connection.queries([
                    "INSERT INTO visits VALUES (\(1), \("first")) RETURNING id",
                    "SELECT note FROM visits WHERE id = \(1)",
                    "SELECT n FROM generate_series(\(1), \(3)) AS n",
                ])
            }
            #expect(results.count == 3)
            #expect(try results[0].value(Int.self) == 1)
            #expect(try results[1].value(String.self) == "first", "a statement sees the ones before it")
            #expect(try results[2].map { try $0.decode(Int.self, column: 0) } == [1, 2, 3])
        }
    }

    @Test func aFailingStatementStopsTheOnesAfterItAndItsErrorIsThrown() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            let error = await #expect(throws: PQError.self) {
                try await pool.withTransaction { connection throws in
                    try await connection.queries([
                        "INSERT INTO visits VALUES (\(10), \("kept until the rollback"))",
                        "SELECT 1 / \(0)",
                        "INSERT INTO visits VALUES (\(11), \("never run"))",
                    ])
                }
            }
            #expect(error?.is(SQLState("22012")) == true, "division by zero, not \(String(describing: error))")
            // The one connection went back to the pool usable: outside the transaction and the pipeline.
            #expect(try await pool.query("SELECT count(*) FROM visits WHERE id IN (10, 11)").value(Int.self) == 0)
        }
    }

    @Test func outsideATransactionThePipelineIsAllOrNothing() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            await #expect(throws: PQError.self) {
                try await pool.withConnection { connection throws in
                    try await connection.queries([
                        "INSERT INTO visits VALUES (\(20), \("undone"))",
                        "INSERT INTO visits VALUES (\(20), \("duplicate"))",
                    ])
                }
            }
            #expect(try await pool.query("SELECT count(*) FROM visits WHERE id = 20").value(Int.self) == 0)
        }
    }

    @Test func aTextWithANULIsRefusedBeforeAnythingIsSent() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            let error = await #expect(throws: PQError.self) {
                try await pool.withConnection { connection throws in
                    try await connection.queries([
                        "INSERT INTO visits VALUES (\(30), \("fine"))",
                        "INSERT INTO visits VALUES (\(31), \("a\u{0}b"))",
                    ])
                }
            }
            #expect(error?.code == .textWithNUL)
            #expect(try await pool.query("SELECT count(*) FROM visits WHERE id IN (30, 31)").value(Int.self) == 0)
        }
    }
}
