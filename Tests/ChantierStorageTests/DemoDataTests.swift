import ChantierPQ
import ChantierTestSupport
import Foundation
import Testing

@Suite("The demonstration data loads and makes sense", .timeLimit(.minutes(2)))
struct DemoDataTests {
    @Test func loadsIntoAFreshDatabaseWithShiftsAtTheirLocalTimes() async throws {
        let database = try await TestDatabases.shared.database()
        let script = try String(
            contentsOf: TestDatabases.repositoryRoot.appending(path: "Config/demo/trois-rivieres.sql"),
            encoding: .utf8
        )
        try await database.withPool { pool throws in
            try await pool.withTransaction { connection in
                try await connection.simpleQuery(PQQuery(unsafeSQL: script))
            }
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
            #expect(participants >= 16 && enrollments == participants)
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
}
