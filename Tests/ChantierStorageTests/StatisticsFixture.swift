import ChantierCore
import ChantierPQ
import ChantierStorage

/// Hand-made data for the statistics: programs, people, stays, hours at one site in weeks that
/// are approved, and outcomes, written straight in SQL so each test says exactly what it holds.
struct StatisticsFixture {
    let pool: PQPool
    let siteID: Int
    let adults: Int
    let youth: Int

    static let tester = AuditContext(uid: 1000, name: "marie", role: "coordinator", operation: "test.statistics")

    static func make(on pool: PQPool) async throws -> StatisticsFixture {
        try await pool.withTransaction { connection in
            try await tester.apply(to: connection)
            let sector = try await connection.query(
                "INSERT INTO sectors (code, name) VALUES ('jean-nicolet', 'Jean-Nicolet') RETURNING id"
            ).value(Int.self)
            let site = try await connection.query(
                "INSERT INTO sites (code, name, sector_id) VALUES ('parc-nord', 'Parc nord', \(sector)) RETURNING id"
            ).value(Int.self)
            let adults = try await connection.query(
                "INSERT INTO programs (code, name, audience) VALUES ('multiboulot', 'Multiboulot', 'adult') RETURNING id"
            ).value(Int.self)
            let youth = try await connection.query(
                """
                INSERT INTO programs (code, name, audience) VALUES ('agir-ensemble', 'Agir ensemble', 'youth')
                RETURNING id
                """
            ).value(Int.self)
            return StatisticsFixture(pool: pool, siteID: site, adults: adults, youth: youth)
        }
    }

    func run(_ query: PQQuery) async throws {
        try await pool.withTransaction { connection in
            try await Self.tester.apply(to: connection)
            try await connection.query(query)
        }
    }

    /// `count` people born on `born`, each in `program` from `start` to `exit`, each with one
    /// entry of `minutes` on `worked` (none when `nil`); returns their ids in order.
    func people(
        _ count: Int,
        born: String,
        program: Int,
        start: String,
        exit: String?,
        worked: String?,
        minutes: Int = 180,
        sex: String? = nil
    ) async throws -> [Int] {
        try await pool.withTransaction { connection in
            try await Self.tester.apply(to: connection)
            let ids = try await connection.query(
                """
                INSERT INTO participants (given_name, family_name, birth_date, sex, sector_id)
                SELECT 'Person', 'No ' || n, \(born)::date, \(sex), (SELECT sector_id FROM sites WHERE id = \(siteID))
                FROM generate_series(1, \(count)) AS n
                RETURNING id
                """
            ).map { try $0.decode(Int.self, column: 0) }.sorted()
            try await connection.query(
                """
                INSERT INTO enrollments (participant_id, program_id, starts_on, exit_on, exit_reason)
                SELECT id, \(program), \(start)::date, \(exit)::date, CASE WHEN \(exit)::date IS NULL THEN NULL ELSE 'other' END
                FROM unnest(\(ids)::bigint[]) AS id
                """
            )
            if let worked {
                try await log(ids, program: program, on: worked, minutes: minutes, on: connection)
            }
            return ids
        }
    }

    /// One entry each of `minutes` from 09:00 UTC on `day`.
    func work(_ ids: [Int], program: Int, on day: String, minutes: Int = 180) async throws {
        try await pool.withTransaction { connection in
            try await Self.tester.apply(to: connection)
            try await log(ids, program: program, on: day, minutes: minutes, on: connection)
        }
    }

    private func log(_ ids: [Int], program: Int, on day: String, minutes: Int, on connection: PQConnection) async throws
    {
        try await connection.query(
            """
            INSERT INTO time_entries (participant_id, site_id, program_id, kind, worked, work_date, recorded_by_name)
            SELECT id, \(siteID), \(program), 'work',
                   tstzrange(\(day)::date + time '09:00' AT TIME ZONE 'UTC',
                             \(day)::date + time '09:00' AT TIME ZONE 'UTC' + \(minutes) * interval '1 minute'),
                   \(day)::date, 'paul'
            FROM unnest(\(ids)::bigint[]) AS id
            """
        )
    }

    /// Approves every week with hours (an approved week takes no more entries: approve last).
    func approveAll() async throws {
        try await run(
            """
            INSERT INTO week_closures (site_id, week_start, status, submitted_at, submitted_by, approved_at, approved_by)
            SELECT DISTINCT site_id, date_trunc('week', work_date)::date, 'approved', now(), 'paul', now(), 'marie'
            FROM time_entries
            ON CONFLICT (site_id, week_start) DO NOTHING
            """
        )
    }

    /// An admin's correction voiding `participant`'s entry of `day` (allowed in an approved week).
    func void(_ participant: Int, on day: String) async throws {
        try await pool.withTransaction { connection in
            try await AuditContext(uid: 0, name: "root", role: "admin", operation: "correctTimeEntry").apply(
                to: connection
            )
            try await connection.query(
                """
                INSERT INTO time_entries (participant_id, site_id, program_id, kind, worked, work_date, supersedes,
                                          voids, reason, recorded_by_name)
                SELECT participant_id, site_id, program_id, kind, worked, work_date, id, true, 'did not happen', 'root'
                FROM time_entries WHERE participant_id = \(participant) AND work_date = \(day)::date
                """
            )
        }
    }

    func outcome(_ ids: [Int], on day: String, _ situation: String, diploma: String? = nil) async throws {
        try await run(
            """
            INSERT INTO outcomes (participant_id, observed_on, situation, diploma_level, source, recorded_by)
            SELECT id, \(day)::date, \(situation), \(diploma), 'verified', 'marie' FROM unnest(\(ids)::bigint[]) AS id
            """
        )
    }
}
