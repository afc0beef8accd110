import ChantierPQ
import ChantierTestSupport
import Testing

@Suite("PQQuery.isAny(of:): membership tests PostgreSQL can plan once", .timeLimit(.minutes(2)))
struct PQMembershipTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool { pool throws in
            try await pool.query("CREATE TABLE people (id bigint PRIMARY KEY, name text NOT NULL)")
            try await pool.query("INSERT INTO people SELECT n, 'person ' || n FROM generate_series(1, 2000) AS n")
            try await pool.query("ANALYZE people")
        }
    }

    @Test func noneOneOrSeveralValuesSelectExactlyTheirRows() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            for ids in [[], [5], [3, 5, 7], [7, 7], [4000]] as [[Int]] {
                let names = try await pool.query(
                    "SELECT name FROM people WHERE id \(PQQuery.isAny(of: ids)) ORDER BY id"
                ).map { try $0.decode(String.self, column: 0) }
                #expect(names == Set(ids).sorted().filter { $0 <= 2000 }.map { "person \($0)" }, "ids \(ids)")
            }
            let texts = try await pool.query(
                "SELECT count(*) FROM people WHERE name \(PQQuery.isAny(of: ["person 1", "person 2", "nobody"]))"
            )
            #expect(try texts.value(Int.self) == 2)
        }
    }

    /// The reason for the helper: a one-element array parameter is planned anew at every execution,
    /// while the single value gets a generic plan reused for the rest of the connection's life.
    @Test func oneValueGetsAReusedGenericPlanWhereAnArrayIsReplannedEveryTime() async throws {
        try await database.withPool(maxConnections: 1) { pool throws in
            try await pool.withConnection { connection throws in
                for id in 1...12 {
                    try await connection.query("SELECT name FROM people WHERE id \(PQQuery.isAny(of: [id]))")
                    try await connection.query("SELECT name FROM people WHERE id = ANY(\([id]))")
                }
                let plans = try await connection.query(
                    """
                    SELECT statement LIKE '%ANY%', generic_plans, custom_plans FROM pg_prepared_statements
                    WHERE statement LIKE 'SELECT name FROM people WHERE id%'
                    """
                ).map { try $0.decode(Bool.self, Int.self, Int.self) }
                #expect(plans.count == 2)
                for (isArray, generic, custom) in plans {
                    if isArray {
                        #expect(generic == 0 && custom == 12, "the array form: \(generic) generic, \(custom) custom")
                    } else {
                        #expect(generic >= 6 && custom <= 6, "the single value: \(generic) generic, \(custom) custom")
                    }
                }
            }
        }
    }
}
