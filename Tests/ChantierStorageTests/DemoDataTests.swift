import ChantierCore
import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Foundation
import Testing

@Suite("The demonstration data loads and makes sense", .timeLimit(.minutes(2)))
struct DemoDataTests {
    @Test func loadsIntoAFreshDatabaseWithShiftsAtTheirLocalTimes() async throws {
        let database = try await TestDatabases.shared.database()
        try await database.withPool { pool throws in
            try await Self.loadDemo(into: pool)
            let counts = try await pool.query(
                """
                SELECT (SELECT count(*) FROM programs), (SELECT count(*) FROM participants),
                       (SELECT count(*) FROM enrollments), (SELECT count(*) FROM shifts),
                       (SELECT count(*) FROM school_calendar_class_days)
                """
            )
            let (programs, participants, enrollments, shifts, classDays) = try counts[0].decode(
                Int.self,
                Int.self,
                Int.self,
                Int.self,
                Int.self
            )
            #expect(programs == 2)
            #expect(participants >= 36 && enrollments == participants)
            #expect(shifts > 0)
            #expect(classDays > 150)
            // Every shift starts and ends at its order's local (Montréal) times, on its local date.
            let misplaced = try await pool.query(
                """
                SELECT count(*) FROM shifts s JOIN work_orders o ON o.id = s.work_order_id
                WHERE (lower(s.during) AT TIME ZONE 'America/Toronto')::time <> o.start_time
                   OR (upper(s.during) AT TIME ZONE 'America/Toronto')::time <> o.end_time
                   OR (lower(s.during) AT TIME ZONE 'America/Toronto')::date <> s.local_date
                   OR extract(isodow FROM s.local_date)::smallint <> ALL (o.weekdays)
                """
            ).value(Int.self)
            #expect(misplaced == 0)
            // Mia Bouchard, born 2013-05-14, has her CNESST consent form for working under 14.
            let consent = try await pool.query(
                """
                SELECT max_minutes_per_week FROM consents c JOIN participants p ON p.id = c.participant_id
                WHERE c.kind = 'qc_cnesst_under_14' AND p.family_name = 'Bouchard' AND p.birth_date = '2013-05-14'
                """
            ).value(Int?.self)
            #expect(consent == 300)
            #expect(
                try await pool.query("SELECT count(*) FROM audit_log WHERE actor_name = 'demo'").value(Int.self) > 0
            )
        }
    }

    /// Every assignment of the demo is one `chantierctl assign` would make: each is taken off its
    /// shift in turn and checked again with the others in place.
    @Test func everyDemoAssignmentPassesTheChecks() async throws {
        let database = try await TestDatabases.shared.database()
        try await database.withPool { pool throws in
            try await Self.loadDemo(into: pool)
            let store = Database(pool: pool)
            let repository = AssignmentRepository(database: store, timeZone: "America/Toronto")
            let audit = AuditContext(uid: nil, name: "test", role: "admin", operation: "test")
            let assignments = try await pool.query("SELECT id, shift_id, participant_id FROM assignments ORDER BY id")
                .map { try $0.decode(Int.self, Int.self, Int.self) }
            #expect(assignments.count >= 25)
            for (id, shift, participant) in assignments {
                try await store.write(audit) { connection in
                    try await connection.query("UPDATE assignments SET status = 'cancelled' WHERE id = \(id)")
                }
                let outcome = try await repository.assign(
                    participantID: participant,
                    to: shift,
                    dryRun: true,
                    audit: audit
                )
                #expect(outcome.check.allowed, "assignment \(id): \(outcome.check.problems)")
                try await store.write(audit) { connection in
                    try await connection.query("UPDATE assignments SET status = 'confirmed' WHERE id = \(id)")
                }
            }
        }
    }

    /// Loads Config/demo/trois-rivieres.sql as scripts/run does: in one transaction.
    static func loadDemo(into pool: PQPool) async throws {
        let script = try String(
            contentsOf: TestDatabases.repositoryRoot.appending(path: "Config/demo/trois-rivieres.sql"),
            encoding: .utf8
        )
        try await pool.withTransaction { connection in
            try await connection.simpleQuery(PQQuery(unsafeSQL: script))
        }
    }
}
