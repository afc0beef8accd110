import ChantierPQ
import ChantierTestSupport
import Testing

@Suite("PQQuery.allOf: optional filters PostgreSQL can plan once", .timeLimit(.minutes(2)))
struct PQConditionsTests {
    @Test func onlyTheConditionsGivenAreInTheStatement() {
        let site: Int? = 3
        let participant: Int? = nil
        let query = PQQuery.allOf([
            "day BETWEEN \(PQDate(year: 2026, month: 1, day: 5)!) AND \(PQDate(year: 2026, month: 1, day: 11)!)",
            participant.map { "participant = \($0)" },
            site.map { "site = \($0) OR site IS NULL" },
        ])
        #expect(query.sql == "(day BETWEEN $1 AND $2) AND (site = $3 OR site IS NULL)")
        #expect(query.binds.map(\.text) == ["2026-01-05", "2026-01-11", "3"])
        #expect(PQQuery.allOf([nil, nil]).sql == "true")
    }

    /// The reason for the helper: the generic plan of a filter written `($1 IS NULL OR …)` cannot
    /// use the filter's index, while the filter written only when given can.
    @Test func aGivenFilterUsesItsIndexInTheGenericPlan() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool(maxConnections: 1) { pool throws in
            try await pool.withConnection { connection throws in
                // A year of days for 1,000 people: one person's entries are far fewer than a week's.
                try await connection.query(
                    "CREATE TABLE entries (id bigserial PRIMARY KEY, person int NOT NULL, day date NOT NULL)"
                )
                try await connection.query(
                    """
                    INSERT INTO entries (person, day)
                    SELECT person, DATE '2025-01-01' + day FROM generate_series(1, 1000) AS person, generate_series(0, 364) AS day
                    """
                )
                try await connection.query("CREATE INDEX entries_person ON entries (person)")
                try await connection.query("CREATE INDEX entries_day ON entries (day)")
                try await connection.query("ANALYZE entries")
                try await connection.query("SET plan_cache_mode = force_generic_plan")

                let person: Int? = 3
                let first = PQDate(year: 2026, month: 1, day: 5)!
                let last = PQDate(year: 2026, month: 1, day: 11)!
                let filtered: PQQuery =
                    "SELECT id FROM entries WHERE \(PQQuery.allOf(["day BETWEEN \(first) AND \(last)", person.map { "person = \($0)" }]))"
                let catchAll: PQQuery =
                    "SELECT id FROM entries WHERE day BETWEEN \(first) AND \(last) AND (\(person)::int IS NULL OR person = \(person))"
                for (name, query) in [("filtered", filtered), ("catch_all", catchAll)] {
                    let types =
                        Array(repeating: "date", count: 2) + Array(repeating: "int", count: query.binds.count - 2)
                    try await connection.query(
                        PQQuery(unsafeSQL: "PREPARE \(name) (\(types.joined(separator: ", "))) AS \(query.sql)")
                    )
                }
                func plan(_ name: String, _ arguments: String) async throws -> String {
                    try await connection.query(PQQuery(unsafeSQL: "EXPLAIN EXECUTE \(name) (\(arguments))"))
                        .map { try $0.decode(String.self, column: 0) }.joined(separator: "\n")
                }
                let filteredPlan = try await plan("filtered", "'2026-01-05', '2026-01-11', 3")
                #expect(filteredPlan.contains("entries_person"), "\(filteredPlan)")
                let catchAllPlan = try await plan("catch_all", "'2026-01-05', '2026-01-11', 3, 3")
                #expect(!catchAllPlan.contains("entries_person"), "\(catchAllPlan)")
            }
        }
    }
}
