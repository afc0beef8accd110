import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Testing

@Suite("Invariants the database enforces by itself", .timeLimit(.minutes(2)))
struct SchemaInvariantTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database()
    }

    @Test func overlappingAssignmentsOfOneParticipantAreRejectedAndTouchingOnesAccepted() async throws {
        try await database.withPool { pool throws in
            let fixture = try await SchemaFixture.make(on: pool)
            try await fixture.assign(fixture.morningShiftID, on: pool)
            try await fixture.assign(fixture.touchingShiftID, on: pool)
            let error = await #expect(throws: PQError.self) {
                try await fixture.assign(fixture.overlappingShiftID, on: pool)
            }
            #expect(error?.sqlState == .exclusionViolation)
            #expect(error?.constraint == "assignments_no_overlap")
            // A cancelled assignment frees its time.
            try await pool.withTransaction { connection in
                try await SchemaFixture.tester.apply(to: connection)
                try await connection.query(
                    "UPDATE assignments SET status = 'cancelled' WHERE shift_id = \(fixture.touchingShiftID)"
                )
                try await connection.query(
                    "UPDATE assignments SET status = 'cancelled' WHERE shift_id = \(fixture.morningShiftID)"
                )
            }
            try await fixture.assign(fixture.overlappingShiftID, on: pool)
        }
    }

    @Test func everyChangeIsAuditedWithItsActorAndAChangeWithoutOneIsRefused() async throws {
        try await database.withPool { pool throws in
            let refused = await #expect(throws: PQError.self) {
                try await pool.query("INSERT INTO sectors (code, name) VALUES ('cap', 'Cap-de-la-Madeleine')")
            }
            #expect(refused?.sqlState == SQLState("CH001"))
            let fixture = try await SchemaFixture.make(on: pool)
            let row = try await pool.query(
                """
                SELECT actor_uid, actor_name, actor_role, operation, action, after ->> 'family_name'
                FROM audit_log WHERE table_name = 'participants' AND row_key = \(String(fixture.participantID))
                """
            )
            let (uid, name, role, operation, action, familyName) = try #require(row.firstRow).decode(
                Int?.self,
                String.self,
                String?.self,
                String.self,
                String.self,
                String.self
            )
            #expect(uid == 1000 && name == "marie" && role == "coordinator")
            #expect(operation == "test.fixture" && action == "insert" && familyName == "Lefèbvre")
            await #expect(throws: PQError.self) {
                try await pool.query("DELETE FROM audit_log")
            }
        }
    }

    @Test func timeEntriesCanNeitherBeChangedNorDeleted() async throws {
        try await database.withPool { pool throws in
            let fixture = try await SchemaFixture.make(on: pool)
            let entry = try await fixture.logHours(on: pool)
            for statement: PQQuery in [
                "UPDATE time_entries SET break_minutes = 30 WHERE id = \(entry)",
                "DELETE FROM time_entries WHERE id = \(entry)",
                "TRUNCATE time_entries CASCADE",
            ] {
                let error = await #expect(throws: PQError.self) {
                    try await pool.withTransaction { connection in
                        try await SchemaFixture.tester.apply(to: connection)
                        try await connection.query(statement)
                    }
                }
                #expect(error?.sqlState == SQLState("CH002"), "\(statement.sql)")
            }
            // A correction supersedes the entry; both stay, and only the correction is current.
            let correction = try await fixture.logHours(on: pool, supersedes: entry)
            let current = try await pool.query("SELECT id FROM current_time_entries").map {
                try $0.decode(Int.self, column: 0)
            }
            #expect(current == [correction])
            #expect(try await pool.query("SELECT count(*) FROM time_entries").value(Int.self) == 2)
        }
    }

    @Test func anApprovedWeekAcceptsOnlyAnAdminsCorrection() async throws {
        try await database.withPool { pool throws in
            let fixture = try await SchemaFixture.make(on: pool)
            let entry = try await fixture.logHours(on: pool)
            try await pool.withTransaction { connection in
                try await SchemaFixture.tester.apply(to: connection)
                try await connection.query(
                    """
                    INSERT INTO week_closures (site_id, week_start, status, approved_at, approved_by)
                    VALUES (\(fixture.siteID), '2026-11-23', 'approved', now(), 'marie')
                    """
                )
            }
            let supervisor = AuditContext(uid: 1001, name: "paul", role: "supervisor", operation: "hours.log")
            let locked = await #expect(throws: PQError.self) {
                _ = try await fixture.logHours(on: pool, as: supervisor)
            }
            #expect(locked?.sqlState == SQLState("CH003"))
            let coordinator = await #expect(throws: PQError.self) {
                _ = try await fixture.logHours(on: pool, supersedes: entry)
            }
            #expect(coordinator?.sqlState == SQLState("CH003"))
            let admin = AuditContext(uid: 0, name: "root", role: "admin", operation: "hours.correct")
            _ = try await fixture.logHours(on: pool, as: admin, supersedes: entry)
        }
    }

    @Test func overlappingStaysInOneProgramAreRejected() async throws {
        try await database.withPool { pool throws in
            let fixture = try await SchemaFixture.make(on: pool)
            let enroll: (String, String?) async throws -> Void = { start, exit in
                try await pool.withTransaction { connection in
                    try await SchemaFixture.tester.apply(to: connection)
                    let program = try await connection.query(
                        """
                        INSERT INTO programs (code, name, audience) VALUES ('agir-ensemble', 'Agir ensemble', 'youth')
                        ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING id
                        """
                    ).value(Int.self)
                    try await connection.query(
                        """
                        INSERT INTO enrollments (participant_id, program_id, starts_on, exit_on, exit_reason)
                        VALUES (\(fixture.participantID), \(program), \(start)::date, \(exit)::date,
                                \(exit == nil ? nil : "returned_to_school"))
                        """
                    )
                }
            }
            try await enroll("2026-01-05", "2026-06-19")
            try await enroll("2026-06-20", nil)
            let error = await #expect(throws: PQError.self) { try await enroll("2026-06-01", "2026-06-30") }
            #expect(error?.constraint == "enrollments_no_overlap")
        }
    }

    @Test func namesAreSearchableWithoutAccents() async throws {
        try await database.withPool { pool throws in
            _ = try await SchemaFixture.make(on: pool)
            let found = try await pool.query(
                "SELECT family_name FROM participants WHERE search_name LIKE '%' || chantier_fold(\("LEFEBVRE")) || '%'"
            ).map { try $0.decode(String.self, column: 0) }
            #expect(found == ["Lefèbvre"])
        }
    }
}
