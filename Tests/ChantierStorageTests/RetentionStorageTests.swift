import ChantierCore
import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Foundation
import Testing

/// The retention period: participants archived long enough after their last exit are anonymised
/// everywhere their data is kept, and every statistic gives the same figures before and after.
@Suite("Retention and anonymisation", .timeLimit(.minutes(3)))
struct RetentionStorageTests {
    let database: TestDatabase
    static let today = LocalDate(iso: "2026-11-22")!
    static let tester = AuditContext(uid: 1000, name: "marie", role: "coordinator", operation: "test.retention")
    static let keeper = AuditContext(uid: nil, name: "chantierd", role: nil, operation: "anonymiseParticipant")

    init() async throws {
        database = try await TestDatabases.shared.database()
    }

    @Test func theDueDayIsTheRetentionAnniversaryOfTheLastExit() {
        let policy = RetentionPolicy(years: 7)
        #expect(policy.latestDueExit(today: Self.today) == LocalDate(iso: "2019-11-21"))
        // From a 29 February the anniversary is the 28th.
        #expect(policy.latestDueExit(today: LocalDate(iso: "2028-02-29")!) == LocalDate(iso: "2021-02-27"))
        #expect(RetentionPolicy(years: nil).latestDueExit(today: Self.today) == nil)
    }

    @Test func anonymisesWhatNamesThePersonEverywhereAndKeepsEveryStatistic() async throws {
        try await database.withPool { pool throws in
            let storage = Database(pool: pool)
            let generator = DemoGenerator(participants: 200, years: 10, seed: 11, today: Self.today)
            _ = try await generator.run(on: storage) { _ in }
            // Everyone whose stays are all over is archived, as coordinators do.
            try await write(
                """
                UPDATE participants SET archived_at = now() WHERE id IN (
                    SELECT participant_id FROM enrollments GROUP BY participant_id HAVING bool_and(exit_on IS NOT NULL))
                """,
                on: pool
            )
            let old = try await person("Zoé", "Lachapelle-Oldtimer", exit: "2019-06-28", on: pool)
            let recent = try await person("Yannick", "Récent-Departure", exit: "2020-01-10", on: pool)
            let before = try await everyStatistic(storage, period: generator.period)

            let personalData = PersonalDataRepository(database: storage)
            let due = try await personalData.due(RetentionPolicy(), today: Self.today)
            #expect(due.contains(old))
            #expect(!due.contains(recent), "left less than seven years ago")
            #expect(due.count > 20)
            var cleared = 0
            for id in due { cleared += try await personalData.anonymise(participant: id, audit: Self.keeper) }
            #expect(cleared > 0)

            #expect(try await everyStatistic(storage, period: generator.period) == before)

            // Nothing that names or reaches the old participant is left, the audit log included.
            for text in Self.personalTexts(of: "Lachapelle-Oldtimer") {
                let found = try await pool.query(
                    """
                    SELECT (SELECT count(*) FROM audit_log WHERE before::text LIKE '%' || \(text) || '%'
                                                             OR after::text LIKE '%' || \(text) || '%')
                         + (SELECT count(*) FROM participants WHERE participants::text LIKE '%' || \(text) || '%')
                         + (SELECT count(*) FROM guardians WHERE guardians::text LIKE '%' || \(text) || '%')
                         + (SELECT count(*) FROM consents WHERE consents::text LIKE '%' || \(text) || '%')
                         + (SELECT count(*) FROM enrollments WHERE enrollments::text LIKE '%' || \(text) || '%')
                         + (SELECT count(*) FROM outcomes WHERE outcomes::text LIKE '%' || \(text) || '%')
                         + (SELECT count(*) FROM time_entries WHERE time_entries::text LIKE '%' || \(text) || '%')
                         + (SELECT count(*) FROM alerts WHERE alerts::text LIKE '%' || \(text) || '%')
                    """
                ).value(Int.self)
                #expect(found == 0, "\(text) is still stored")
            }
            // The recent leaver keeps everything.
            #expect(
                try await pool.query(
                    "SELECT count(*) FROM audit_log WHERE after::text LIKE '%Récent-Departure%'"
                ).value(Int.self) > 0
            )
            // What the statistics read stays; the anonymisation is in the audit log.
            let row = try await pool.query(
                """
                SELECT given_name, family_name, birth_date::text, sex, email, anonymised_at IS NOT NULL
                FROM participants WHERE id = \(old)
                """
            ).map {
                (
                    try $0.decode(String.self, column: 0), try $0.decode(String.self, column: 1),
                    try $0.decode(String.self, column: 2), try $0.decode(String?.self, column: 3),
                    try $0.decode(String?.self, column: 4), try $0.decode(Bool.self, column: 5)
                )
            }
            #expect(row.count == 1)
            #expect(row.first?.0 == "anonymised" && row.first?.1 == "#\(old)")
            #expect(
                row.first?.2 == "1990-03-14" && row.first?.3 == "female" && row.first?.4 == nil && row.first?.5 == true
            )
            #expect(
                try await pool.query(
                    """
                    SELECT count(*) FROM audit_log WHERE action = 'event' AND operation = 'anonymiseParticipant'
                      AND details ->> 'participant' = \(String(old))
                    """
                ).value(Int.self) == 1
            )

            // A second run finds nobody, and anonymising again changes nothing.
            #expect(try await personalData.due(RetentionPolicy(), today: Self.today).isEmpty)
            let auditRows = try await pool.query("SELECT count(*) FROM audit_log").value(Int.self)
            #expect(try await personalData.anonymise(participant: old, audit: Self.keeper) == 0)
            #expect(try await pool.query("SELECT count(*) FROM audit_log").value(Int.self) == auditRows + 1)

            // The record is final, and the ledgers still refuse changes outside the anonymisation.
            let participants = ParticipantRepository(database: storage)
            await #expect(throws: StorageError.self) {
                _ = try await participants.update(id: old, today: Self.today, audit: Self.tester) { $0.notes = "back" }
            }
            await #expect(throws: PQError.self) {
                try await write("UPDATE time_entries SET note = 'x' WHERE participant_id = \(recent)", on: pool)
            }
            await #expect(throws: PQError.self) {
                try await write("UPDATE audit_log SET after = NULL WHERE id = 1", on: pool)
            }
            // Off: nobody is ever due.
            #expect(try await personalData.due(RetentionPolicy(years: nil), today: Self.today).isEmpty)
        }
    }

    @Test func requestCopiesAreForgottenAfterTheirDays() async throws {
        try await database.withPool { pool throws in
            try await write(
                """
                INSERT INTO idempotency_keys (caller_uid, key, method, path, request_body, created_at)
                VALUES (1000, 'old', 'POST', '/v1/participants', '\\x7b7d', now() - interval '8 days'),
                       (1000, 'new', 'POST', '/v1/participants', '\\x7b7d', now() - interval '6 days')
                """,
                on: pool
            )
            let personalData = PersonalDataRepository(database: Database(pool: pool))
            #expect(try await personalData.forgetRequestCopies(RetentionPolicy(), audit: Self.keeper) == 1)
            #expect(
                try await pool.query("SELECT array_agg(key) FROM idempotency_keys").value([String].self) == ["new"]
            )
            #expect(try await personalData.forgetRequestCopies(RetentionPolicy(), audit: Self.keeper) == 0)
        }
    }

    @Test func theExportHoldsEveryRowAboutTheParticipant() async throws {
        try await database.withPool { pool throws in
            let storage = Database(pool: pool)
            _ = try await DemoGenerator(participants: 5, years: 1, seed: 3, today: Self.today).run(on: storage) { _ in }
            let id = try await person("Zoé", "Lachapelle", exit: "2026-06-28", on: pool)
            let text = try await PersonalDataRepository(database: storage).export(participant: id, audit: Self.tester)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(document["participant"] as? Int == id)
            let records = try #require(document["records"] as? [String: [[String: Any]]])
            #expect(records["participants"]?.first?["email"] as? String == "Lachapelle@example.org")
            #expect(records["guardians"]?.first?["name"] as? String == "Mme Lachapelle")
            #expect(records["consents"]?.count == 1)
            #expect(records["enrollments"]?.first?["exit_note"] as? String == "Lachapelle parti en Gaspésie")
            #expect(records["time_entries"]?.count == 2)
            #expect(records["outcomes"]?.count == 1)
            #expect(records["follow_ups"]?.count == 1)
            #expect(records["alerts"]?.count == 1)
            #expect((records["audit_log"]?.count ?? 0) >= 8)
            // Nobody else's rows.
            #expect(records.values.joined().allSatisfy { ($0["participant_id"] as? Int).map { $0 == id } ?? true })
            #expect(
                try await pool.query(
                    "SELECT count(*) FROM audit_log WHERE action = 'event' AND details ->> 'participant' = \(String(id))"
                ).value(Int.self) == 1,
                "the export is in the audit log"
            )
            await #expect(throws: StorageError.self) {
                _ = try await PersonalDataRepository(database: storage).export(participant: 999_999, audit: Self.tester)
            }
        }
    }

    /// The texts `person` stores about someone: each names them.
    static func personalTexts(of family: String) -> [String] {
        [
            family, "\(family)@example.org", "\(family) 514-555-0199", "4321 rue \(family)", "École \(family)",
            "Mme \(family)", "mere-\(family)@example.org", "scan-\(family).pdf", "\(family) parti en Gaspésie",
            "rappeler \(family) le soir", "\(family) a oublié ses gants", "\(family) a oublié de pointer",
        ]
    }

    /// A participant with every kind of personal data (``personalTexts(of:)``), in the adult
    /// program from 2018 to `exit`, archived.
    private func person(_ given: String, _ family: String, exit: String, on pool: PQPool) async throws -> Int {
        let texts = Self.personalTexts(of: family)
        return try await pool.withTransaction { connection in
            try await Self.tester.apply(to: connection)
            let id = try await connection.query(
                """
                INSERT INTO participants (given_name, family_name, birth_date, sex, email, phone, address, school_name,
                                          notes, sector_id)
                VALUES (\(given), \(family), DATE '1990-03-14', 'female', \(texts[1]), \(texts[2]), \(texts[3]),
                        \(texts[4]), \(texts[9]), (SELECT min(id) FROM sectors))
                RETURNING id
                """
            ).value(Int.self)
            let guardian = try await connection.query(
                """
                INSERT INTO guardians (participant_id, name, phone, email)
                VALUES (\(id), \(texts[5]), '514-555-0198', \(texts[6]))
                RETURNING id
                """
            ).value(Int.self)
            try await connection.query(
                """
                INSERT INTO consents (participant_id, guardian_id, kind, document_ref, signed_on)
                VALUES (\(id), \(guardian), 'program_consent', \(texts[7]), DATE '2018-01-08')
                """
            )
            let enrollment = try await connection.query(
                """
                INSERT INTO enrollments (participant_id, program_id, starts_on, exit_on, exit_reason, exit_note)
                VALUES (\(id), (SELECT min(id) FROM programs WHERE audience = 'adult'), DATE '2018-01-08',
                        \(exit)::date, 'moved', \(texts[8]))
                RETURNING id
                """
            ).value(Int.self)
            // A site of its own: the demonstration's weeks are approved and locked.
            let site = try await connection.query(
                """
                INSERT INTO sites (code, name, sector_id) VALUES (\("site-\(id)"), 'Site', (SELECT min(id) FROM sectors))
                RETURNING id
                """
            ).value(Int.self)
            let entry = try await connection.query(
                """
                INSERT INTO time_entries (participant_id, site_id, kind, worked, work_date, note, recorded_by_name)
                VALUES (\(id), \(site), 'work', tstzrange('2018-02-05 09:00-05', '2018-02-05 12:00-05'),
                        DATE '2018-02-05', \(texts[10]), 'marie')
                RETURNING id
                """
            ).value(Int.self)
            try await connection.query(
                """
                INSERT INTO time_entries (participant_id, site_id, kind, worked, work_date, supersedes, reason,
                                          recorded_by_name)
                VALUES (\(id), \(site), 'work', tstzrange('2018-02-05 09:00-05', '2018-02-05 11:00-05'),
                        DATE '2018-02-05', \(entry), \(texts[11]), 'marie')
                """
            )
            let outcome = try await connection.query(
                """
                INSERT INTO outcomes (participant_id, enrollment_id, observed_on, situation, source, note, recorded_by)
                VALUES (\(id), \(enrollment), \(exit)::date + 30, 'employed_full_time', 'self_reported',
                        \(texts[9]), 'marie')
                RETURNING id
                """
            ).value(Int.self)
            try await connection.query(
                """
                INSERT INTO follow_ups (enrollment_id, offset_days, due_on, done_on, outcome_id, note)
                VALUES (\(enrollment), 90, \(exit)::date + 90, \(exit)::date + 30, \(outcome), \(texts[9]))
                """
            )
            try await connection.query(
                """
                INSERT INTO alerts (kind, dedup_key, target_role, message, participant_id)
                VALUES ('limit-breach', \("test:\(id)"), 'coordinator', \("\(given) \(family)'s hours"), \(id))
                """
            )
            try await connection.query("UPDATE participants SET archived_at = \(exit)::date + 1 WHERE id = \(id)")
            return id
        }
    }

    private func write(_ query: PQQuery, on pool: PQPool) async throws {
        try await pool.withTransaction { connection in
            try await Self.tester.apply(to: connection)
            try await connection.query(query)
        }
    }

    /// Every statistic by each group it allows, over the demonstration's period and one year.
    private func everyStatistic(_ storage: Database, period: DateRange) async throws -> [StatisticTable] {
        let statistics = StatisticsRepository(database: storage)
        let oneYear = DateRange(LocalDate(iso: "2018-01-01")!, LocalDate(iso: "2018-12-31")!)
        var tables: [StatisticTable] = []
        for statistic in Statistic.allCases {
            let periods =
                statistic == .returnToSchool
                ? [StatisticRequest.schoolYear(startingIn: 2017)!, StatisticRequest.schoolYear(startingIn: 2018)!]
                : [period, oneYear]
            for period in periods {
                for by in [[]] + statistic.dimensions.map({ [$0] }) {
                    tables.append(
                        try await statistics.table(
                            StatisticRequest(statistic: statistic, period: period, by: by, today: Self.today)
                        )
                    )
                }
            }
        }
        return tables
    }
}
