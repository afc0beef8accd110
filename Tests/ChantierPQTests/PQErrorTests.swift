import ChantierPQ
import ChantierTestSupport
import Logging
import Testing

@Suite("PQ errors carry the server's SQLSTATE and fields", .timeLimit(.minutes(2)))
struct PQErrorTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool { pool throws in
            try await pool.query("CREATE EXTENSION btree_gist")
            try await pool.query(
                "CREATE TABLE people (id int PRIMARY KEY, email text CONSTRAINT people_email_key UNIQUE)"
            )
            try await pool.query(
                """
                CREATE TABLE bookings (
                    person int NOT NULL,
                    during tstzrange NOT NULL,
                    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (person WITH =, during WITH &&)
                )
                """
            )
        }
    }

    @Test func uniqueViolationNamesTheConstraint() async throws {
        try await database.withPool { pool throws in
            try await pool.query("INSERT INTO people VALUES (1, \("léa@example.org"))")
            let error = await #expect(throws: PQError.self) {
                try await pool.query("INSERT INTO people VALUES (2, \("léa@example.org"))")
            }
            #expect(error?.code == .server)
            #expect(error?.sqlState == .uniqueViolation)
            #expect(error?.constraint == "people_email_key")
            #expect(error?.table == "people")
            // The detail quotes the row's values: it stays out of the loggable description.
            #expect(error?.detail?.contains("léa@example.org") == true)
            #expect(error?.description.contains("léa@example.org") == false)
        }
    }

    @Test func exclusionViolationNamesTheConstraintAndTouchingRangesPass() async throws {
        try await database.withPool { pool throws in
            try await pool.query("INSERT INTO bookings VALUES (1, '[2026-11-23 09:00Z, 2026-11-23 12:00Z)')")
            try await pool.query("INSERT INTO bookings VALUES (1, '[2026-11-23 12:00Z, 2026-11-23 15:00Z)')")
            let error = await #expect(throws: PQError.self) {
                try await pool.query("INSERT INTO bookings VALUES (1, '[2026-11-23 11:59Z, 2026-11-23 12:01Z)')")
            }
            #expect(error?.sqlState == .exclusionViolation)
            #expect(error?.constraint == "bookings_no_overlap")
        }
    }

    @Test func syntaxErrorIsReportedWithTheQueryInTheDebugDescriptionOnly() async throws {
        try await database.withPool { pool throws in
            let error = await #expect(throws: PQError.self) { try await pool.query("SELEC 1") }
            #expect(error?.sqlState == .syntaxError)
            #expect(error?.debugDescription.contains("SELEC 1") == true)
            #expect(error?.description.contains("SELEC 1") == false)
            // The connection stays usable after an error.
            #expect(try await pool.query("SELECT 1").value(Int.self) == 1)
        }
    }

    @Test func aFailedStatementRollsTheTransactionBack() async throws {
        try await database.withPool { pool throws in
            await #expect(throws: PQError.self) {
                try await pool.withTransaction { connection throws in
                    try await connection.query("INSERT INTO people VALUES (10, 'a@example.org')")
                    try await connection.query("INSERT INTO people VALUES (10, 'b@example.org')")
                }
            }
            #expect(try await pool.query("SELECT count(*) FROM people WHERE id = 10").value(Int.self) == 0)
        }
    }

    @Test func anErrorThrownByTheBodyRollsTheTransactionBack() async throws {
        struct Refused: Error {}
        try await database.withPool { pool throws in
            await #expect(throws: Refused.self) {
                try await pool.withTransaction { connection throws in
                    try await connection.query("INSERT INTO people VALUES (11, 'c@example.org')")
                    throw Refused()
                }
            }
            #expect(try await pool.query("SELECT count(*) FROM people WHERE id = 11").value(Int.self) == 0)
        }
    }

    @Test func statementTimeoutFromConfigurationCancelsLongStatements() async throws {
        let pool = PQPool(
            configuration: .init(connection: .init(conninfo: database.conninfo, statementTimeout: .milliseconds(200))),
            logger: TestDatabases.logger
        )
        let error = await #expect(throws: PQError.self) { try await pool.query("SELECT pg_sleep(5)") }
        #expect(error?.sqlState == .queryCanceled)
        await pool.close()
    }

    @Test func noticesGoToTheLogger() async throws {
        let captured = CapturingLogHandler.Storage()
        let pool = PQPool(
            configuration: .init(connection: .init(conninfo: database.conninfo)),
            logger: CapturingLogHandler.logger(captured)
        )
        try await pool.query("DO $$ BEGIN RAISE WARNING 'stock is low'; END $$")
        await pool.close()
        let warning = captured.all.first { $0.message == "stock is low" }
        #expect(warning?.level == .info)
        #expect(warning?.metadata["pq.severity"] == "WARNING")
    }

    @Test func unreachableServerIsAConnectionFailure() async throws {
        let pool = PQPool(
            configuration: .init(connection: .init(conninfo: "host=/nonexistent dbname=x")),
            logger: TestDatabases.logger
        )
        let error = await #expect(throws: PQError.self) { try await pool.query("SELECT 1") }
        #expect(error?.code == .connectionFailed)
        #expect(error?.message.contains("/nonexistent") == true)
        #expect(pool.usage.open == 0)
        await pool.close()
    }
}
