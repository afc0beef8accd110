import ChantierPQ
import ChantierStorage

/// A sector, a site, a task kind, a participant and three shifts on 2026-11-23 (UTC):
/// 14:00–17:00, 17:00–19:00 (touching the first) and 16:00–18:00 (overlapping both).
struct SchemaFixture {
    var siteID: Int
    var participantID: Int
    var morningShiftID: Int
    var touchingShiftID: Int
    var overlappingShiftID: Int

    static let tester = AuditContext(uid: 1000, name: "marie", role: "coordinator", operation: "test.fixture")

    static func make(on pool: PQPool) async throws -> SchemaFixture {
        try await pool.withTransaction { connection in
            try await tester.apply(to: connection)
            let sector = try await connection.query(
                "INSERT INTO sectors (code, name) VALUES ('adelard-dugre', 'Adélard-Dugré') RETURNING id"
            ).value(Int.self)
            let site = try await connection.query(
                "INSERT INTO sites (code, name, sector_id) VALUES ('rue-papineau', 'Rue Papineau', \(sector)) RETURNING id"
            ).value(Int.self)
            let task = try await connection.query(
                "INSERT INTO task_kinds (code, name) VALUES ('cleanup', 'Nettoyage') RETURNING id"
            ).value(Int.self)
            let participant = try await connection.query(
                """
                INSERT INTO participants (given_name, family_name, birth_date)
                VALUES ('Émile', 'Lefèbvre', '2011-04-02') RETURNING id
                """
            ).value(Int.self)
            var shifts: [Int] = []
            for (start, end) in [("14:00", "17:00"), ("17:00", "19:00"), ("16:00", "18:00")] {
                let during = "[2026-11-23 \(start)Z, 2026-11-23 \(end)Z)"
                shifts.append(
                    try await connection.query(
                        """
                        INSERT INTO shifts (site_id, task_kind_id, local_date, during, headcount)
                        VALUES (\(site), \(task), '2026-11-23', \(during)::tstzrange, 2) RETURNING id
                        """
                    ).value(Int.self)
                )
            }
            return SchemaFixture(
                siteID: site,
                participantID: participant,
                morningShiftID: shifts[0],
                touchingShiftID: shifts[1],
                overlappingShiftID: shifts[2]
            )
        }
    }

    func assign(_ shift: Int, on pool: PQPool) async throws {
        try await pool.withTransaction { connection in
            try await Self.tester.apply(to: connection)
            try await connection.query(
                "INSERT INTO assignments (shift_id, participant_id) VALUES (\(shift), \(participantID))"
            )
        }
    }

    func logHours(on pool: PQPool, as context: AuditContext = tester, supersedes: Int? = nil) async throws -> Int {
        try await pool.withTransaction { connection in
            try await context.apply(to: connection)
            return try await connection.query(
                """
                INSERT INTO time_entries (participant_id, site_id, kind, worked, work_date, supersedes, reason, recorded_by_name)
                VALUES (\(participantID), \(siteID), 'work', '[2026-11-23 14:00Z, 2026-11-23 17:00Z)', '2026-11-23',
                        \(supersedes), \(supersedes.map { "correction of \($0)" }), \(context.name))
                RETURNING id
                """
            ).value(Int.self)
        }
    }
}
