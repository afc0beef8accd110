import ChantierCore
import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Testing

/// The definitions of docs/STATISTICS.md, pinned on small hand-made data.
@Suite("Statistics definitions", .timeLimit(.minutes(2)))
struct StatisticsDefinitionTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database()
    }

    func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso: text)) }

    func request(
        _ statistic: Statistic,
        from: String,
        to: String,
        by: [StatisticDimension] = [],
        program: String? = nil,
        within: Int = 180
    ) throws -> StatisticRequest {
        StatisticRequest(
            statistic: statistic,
            period: DateRange(try day(from), try day(to)),
            by: by,
            program: program,
            withinDays: within,
            today: try day("2026-11-22")
        )
    }

    @Test func returnToWorkOf130AdultsOfWhom77ReturnedIs59Point2Percent() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            let people = try await fixture.people(
                130,
                born: "1990-03-01",
                program: fixture.adults,
                start: "2025-01-06",
                exit: "2025-06-30",
                worked: "2025-03-04"
            )
            try await fixture.outcome(Array(people[0..<77]), on: "2025-09-15", "employed_full_time")
            try await fixture.outcome(Array(people[77..<107]), on: "2025-10-01", "seeking_work")
            try await fixture.approveAll()
            let table = try await StatisticsRepository(database: Database(pool: pool)).table(
                try request(.returnToWork, from: "2025-01-01", to: "2025-12-31")
            )
            #expect(table.total.values == ["exits": 130, "known": 107, "returned": 77])
            #expect(table.cell("share_returned", keys: nil)?.display == "59.2 %")
            #expect(table.cell("share_returned_known", keys: nil)?.display == "72.0 %")
        }
    }

    @Test func returnToWorkCountsOnlyExitsInThePeriodOutcomesInTheWindowAndPeopleWhoWorked() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            let adults = fixture.adults
            // In the period, returned within 180 days.
            let returned = try await fixture.people(
                1,
                born: "1985-01-01",
                program: adults,
                start: "2025-01-06",
                exit: "2025-05-30",
                worked: "2025-02-03"
            )
            try await fixture.outcome(returned, on: "2025-11-26", "employed_part_time")
            // In the period; the job came 200 days after the exit: neither returned nor known then.
            let late = try await fixture.people(
                1,
                born: "1985-01-01",
                program: adults,
                start: "2025-01-06",
                exit: "2025-05-30",
                worked: "2025-02-03"
            )
            try await fixture.outcome(late, on: "2025-12-16", "employed_full_time")
            // Lost contact: counted as an exit, not as a known outcome.
            let lost = try await fixture.people(
                1,
                born: "1985-01-01",
                program: adults,
                start: "2025-01-06",
                exit: "2025-05-30",
                worked: "2025-02-03"
            )
            try await fixture.outcome(lost, on: "2025-08-01", "lost_contact")
            // Exited before the period; and exited in it without ever working.
            let before = try await fixture.people(
                1,
                born: "1985-01-01",
                program: adults,
                start: "2024-01-08",
                exit: "2024-12-20",
                worked: "2024-02-06"
            )
            try await fixture.outcome(before, on: "2025-01-15", "employed_full_time")
            _ = try await fixture.people(
                1,
                born: "1985-01-01",
                program: adults,
                start: "2025-01-06",
                exit: "2025-05-30",
                worked: nil
            )
            // A youth program's exit never counts toward return to work.
            let youth = try await fixture.people(
                1,
                born: "2010-01-01",
                program: fixture.youth,
                start: "2025-01-06",
                exit: "2025-05-30",
                worked: "2025-02-03"
            )
            try await fixture.outcome(youth, on: "2025-07-01", "employed_part_time")
            try await fixture.approveAll()

            let repository = StatisticsRepository(database: Database(pool: pool))
            let table = try await repository.table(try request(.returnToWork, from: "2025-01-01", to: "2025-12-31"))
            #expect(table.total.values == ["exits": 3, "known": 1, "returned": 1])
            // A longer window takes the late job in.
            let longer = try await repository.table(
                try request(.returnToWork, from: "2025-01-01", to: "2025-12-31", within: 365)
            )
            #expect(longer.total.values["returned"] == 2)
        }
    }

    @Test func aParticipantInTwoProgramsCountsInEachProgramAndOnceInTheTotal() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            try await fixture.run(
                "INSERT INTO programs (code, name, audience) VALUES ('paysagement', 'Paysagement', 'adult')"
            )
            let person = try await fixture.people(
                1,
                born: "1980-05-05",
                program: fixture.adults,
                start: "2025-01-06",
                exit: "2025-04-30",
                worked: "2025-02-03"
            )
            try await fixture.run(
                """
                INSERT INTO enrollments (participant_id, program_id, starts_on, exit_on, exit_reason)
                SELECT \(person[0]), id, '2025-05-05', '2025-08-29', 'job_found' FROM programs WHERE code = 'paysagement'
                """
            )
            try await fixture.work(person, program: fixture.adults, on: "2025-06-03")
            try await fixture.outcome(person, on: "2025-09-08", "employed_full_time")
            try await fixture.approveAll()
            let table = try await StatisticsRepository(database: Database(pool: pool)).table(
                try request(.returnToWork, from: "2025-01-01", to: "2025-12-31", by: [.program])
            )
            #expect(table.rows.map(\.keys) == [["multiboulot"], ["paysagement"]])
            #expect(table.rows.map { $0.values["exits"] } == [1, 1])
            #expect(table.rows.map { $0.values["returned"] } == [1, 1])
            #expect(table.total.values["exits"] == 1, "one person, counted once over all programs")
        }
    }

    @Test func returnToSchoolOf67YouthOfWhom27ObtainedACollegeDiplomaIs40Point3Percent() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            let youth = try await fixture.people(
                67,
                born: "2009-02-01",
                program: fixture.youth,
                start: "2024-09-02",
                exit: "2025-06-20",
                worked: "2024-10-08"
            )
            try await fixture.outcome(Array(youth[0..<60]), on: "2025-09-10", "in_school_returned")
            try await fixture.outcome(Array(youth[0..<27]), on: "2028-06-01", "diploma_obtained", diploma: "college")
            // One graduates from secondary school in June and does not go back: in school all the same.
            try await fixture.outcome([youth[66]], on: "2025-06-25", "diploma_obtained", diploma: "secondary")
            // One did not work that school year: not counted.
            _ = try await fixture.people(
                1,
                born: "2009-02-01",
                program: fixture.youth,
                start: "2024-09-02",
                exit: "2025-06-20",
                worked: nil
            )
            try await fixture.approveAll()
            let table = try await StatisticsRepository(database: Database(pool: pool)).table(
                StatisticRequest(
                    statistic: .returnToSchool,
                    period: try #require(StatisticRequest.schoolYear(startingIn: 2024)),
                    by: [],
                    today: try day("2028-11-22")
                )
            )
            #expect(table.total.values["active"] == 67)
            #expect(table.total.values["in_school"] == 61)
            #expect(table.total.values["diploma_college"] == 27)
            #expect(table.total.values["diploma_secondary"] == 1)
            #expect(table.cell("share_diploma_college", keys: nil)?.display == "40.3 %")
            #expect(table.cell("share_in_school", keys: nil)?.display == "91.0 %")
        }
    }

    @Test func hoursCountApprovedEntriesInForceBySeasonAndMonth() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            let storage = Database(pool: pool)
            // Two adults (no school calendar): 3 h in March, 4 h in July (summer).
            let adults = try await fixture.people(
                2,
                born: "1990-01-01",
                program: fixture.adults,
                start: "2025-01-06",
                exit: nil,
                worked: "2025-03-04"
            )
            try await fixture.work(adults, program: fixture.adults, on: "2025-07-08", minutes: 240)
            // A week never approved does not count.
            try await fixture.work(adults, program: fixture.adults, on: "2025-10-07", minutes: 600)
            // A correction in force replaces the entry it supersedes.
            try await fixture.run(
                """
                INSERT INTO time_entries (participant_id, site_id, program_id, kind, worked, work_date, supersedes,
                                          reason, recorded_by_name)
                SELECT participant_id, site_id, program_id, kind,
                       tstzrange(lower(worked), lower(worked) + interval '2 hours'), work_date, id, 'was 3 h', 'root'
                FROM time_entries WHERE participant_id = \(adults[0]) AND work_date = '2025-03-04'
                """
            )
            try await fixture.approveAll()
            try await fixture.run("DELETE FROM week_closures WHERE week_start = '2025-10-06'")
            let table = try await StatisticsRepository(database: storage).table(
                try request(.hours, from: "2025-01-01", to: "2025-12-31", by: [.season])
            )
            #expect(table.rows.map(\.keys) == [["school-period"], ["summer"]])
            #expect(table.rows.map { $0.values["minutes"] } == [180 + 120, 480])
            #expect(table.total.values == ["participants": 2, "minutes": 780])
            #expect(table.cell("hours_per_participant", keys: nil)?.display == "6.5")
        }
    }

    @Test func hoursFollowApprovalsReopeningsAndCorrectionsAndPeriodsThatCutMonths() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            let statistics = StatisticsRepository(database: Database(pool: pool))
            func minutes(_ from: String, _ to: String) async throws -> Int? {
                try await statistics.table(try request(.hours, from: from, to: to)).total.values["minutes"]
            }
            let people = try await fixture.people(
                3,
                born: "1990-01-01",
                program: fixture.adults,
                start: "2025-01-06",
                exit: nil,
                worked: "2025-03-31",
                minutes: 60
            )
            try await fixture.work(people, program: fixture.adults, on: "2025-04-01", minutes: 120)
            try await fixture.work(people, program: fixture.adults, on: "2025-04-15", minutes: 240)
            #expect(try await minutes("2025-01-01", "2025-12-31") == 0, "nothing approved yet")
            try await fixture.approveAll()
            #expect(try await minutes("2025-01-01", "2025-12-31") == 3 * (60 + 120 + 240))
            // Periods that cut months add the days they hold, whole months or not.
            #expect(try await minutes("2025-03-31", "2025-04-01") == 3 * (60 + 120))
            #expect(try await minutes("2025-04-01", "2025-04-30") == 3 * (120 + 240))
            #expect(try await minutes("2025-04-02", "2025-05-31") == 3 * 240)
            // An admin's correction in an approved week counts at once.
            try await fixture.void(people[0], on: "2025-04-15")
            #expect(try await minutes("2025-04-01", "2025-04-30") == 3 * (120 + 240) - 240)
            // A reopened week stops counting until approved again.
            try await fixture.run(
                """
                UPDATE week_closures SET status = 'reopened', reopened_at = now(), reopened_by = 'marie',
                       reopen_reason = 'a missing entry' WHERE week_start = '2025-03-31'
                """
            )
            #expect(try await minutes("2025-01-01", "2025-12-31") == 2 * 240)
        }
    }

    @Test func participationCountsActiveWeeksWeeksAtTargetAndNoShows() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            try await fixture.run(
                """
                INSERT INTO program_policies (program_id, effective_from, policy)
                VALUES (\(fixture.adults), '2025-01-01',
                        '{"targets": [{"rule": "MB-9H", "season": "any", "work_minutes_per_week": 540}]}')
                """
            )
            // Week of 3 March 2025: one works 10 h (at target), one 3 h; the week after, only the first.
            let keen = try await fixture.people(
                1,
                born: "1990-01-01",
                program: fixture.adults,
                start: "2025-01-06",
                exit: nil,
                worked: "2025-03-04",
                minutes: 600
            )
            let shy = try await fixture.people(
                1,
                born: "1990-01-01",
                program: fixture.adults,
                start: "2025-01-06",
                exit: nil,
                worked: "2025-03-05",
                minutes: 180
            )
            try await fixture.work(keen, program: fixture.adults, on: "2025-03-11", minutes: 540)
            // The second did not come to a shift that week: a no-show.
            try await fixture.run(
                """
                INSERT INTO task_kinds (code, name) VALUES ('cleanup', 'Nettoyage');
                """
            )
            try await fixture.run(
                """
                WITH shift AS (
                    INSERT INTO shifts (site_id, task_kind_id, local_date, during, headcount)
                    SELECT \(fixture.siteID), id, '2025-03-06', '[2025-03-06 13:00Z, 2025-03-06 16:00Z)', 2
                    FROM task_kinds WHERE code = 'cleanup' RETURNING id
                )
                INSERT INTO assignments (shift_id, participant_id, during, status)
                SELECT id, \(shy[0]), '[2025-03-06 13:00Z, 2025-03-06 16:00Z)', 'no_show' FROM shift
                """
            )
            let table = try await StatisticsRepository(database: Database(pool: pool)).table(
                try request(.participation, from: "2025-03-01", to: "2025-03-31", by: [])
            )
            #expect(table.total.values["participants"] == 2)
            #expect(table.total.values["weeks"] == 2)
            // The no-show's shift has no order, hence no program: a person-week of its own.
            #expect(table.total.values["person_weeks"] == 4)
            #expect(table.total.values["targeted"] == 3)
            #expect(table.total.values["at_target"] == 2)
            #expect(table.cell("no_show_rate", keys: nil)?.display == "100.0 %")
            #expect(table.cell("active_per_week", keys: nil)?.display == "2.0")

            // The shift is cancelled and an entry voided: the person-weeks the triggers keep are
            // what computing them again from the ledger and the assignments gives.
            try await fixture.run("UPDATE shifts SET status = 'cancelled', cancel_reason = 'rain'")
            try await fixture.void(keen[0], on: "2025-03-11")
            let weeks =
                "SELECT participant_id, program_id, week, work_minutes, entries, kept, no_shows FROM activity_by_week"
            let rows = { (query: String) in
                try await pool.query(
                    PQQuery(unsafeSQL: query + " WHERE entries <> 0 OR kept <> 0 OR work_minutes <> 0")
                )
                .map { try $0.decode(String.self, column: 0) }.sorted()
            }
            let kept = try await rows("SELECT row(activity.*)::text FROM (\(weeks)) AS activity")
            try await fixture.run("SELECT chantier_rebuild_activity_by_week()")
            #expect(try await rows("SELECT row(activity.*)::text FROM (\(weeks)) AS activity") == kept)
            #expect(kept.count == 2, "the cancelled shift and the voided week are gone: \(kept)")
        }
    }

    @Test func retentionCountsStaysStillOpenAtEachMarkAmongThoseWhoseMarkHasPassed() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            for exit in [nil, "2025-03-01", "2025-05-01", "2025-12-01"] {
                _ = try await fixture.people(
                    1,
                    born: "1990-01-01",
                    program: fixture.adults,
                    start: "2025-01-06",
                    exit: exit,
                    worked: nil
                )
            }
            // Started too recently for any mark.
            _ = try await fixture.people(
                1,
                born: "1990-01-01",
                program: fixture.adults,
                start: "2026-10-05",
                exit: nil,
                worked: nil
            )
            let table = try await StatisticsRepository(database: Database(pool: pool)).table(
                try request(.retention, from: "2025-01-01", to: "2026-11-22", by: [.cohort])
            )
            #expect(table.rows.map(\.keys) == [["2025-01"], ["2026-10"]])
            #expect(table.total.values["entered"] == 5)
            #expect(table.total.values["reached_3m"] == 4)
            #expect(table.total.values["retained_3m"] == 3)
            #expect(table.total.values["retained_6m"] == 2)
            #expect(table.total.values["retained_12m"] == 1)
            #expect(table.cell("share_retained_6m", keys: ["2025-01"])?.display == "50.0 %")
        }
    }

    @Test func seasonsComeFromTheParticipantsSchoolCalendar() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            // Classes every weekday of 2025 except 22 Dec – 2 Jan... and the summer from 21 June to 26 August.
            try await fixture.run(
                """
                INSERT INTO school_calendars (code, name, jurisdiction, class_start, class_end, known_from, known_to)
                VALUES ('ecole', 'École', 'QC', '08:00', '15:00', '2025-01-01', '2025-12-31');
                """
            )
            try await fixture.run(
                """
                INSERT INTO school_calendar_class_days (calendar_id, day)
                SELECT (SELECT id FROM school_calendars WHERE code = 'ecole'), day::date
                FROM generate_series(date '2025-01-06', date '2025-12-19', interval '1 day') AS day
                WHERE extract(isodow FROM day) < 6
                  AND NOT day::date BETWEEN '2025-03-03' AND '2025-03-07'
                  AND NOT day::date BETWEEN '2025-06-21' AND '2025-08-26'
                """
            )
            let youth = try await fixture.people(
                1,
                born: "2011-01-01",
                program: fixture.youth,
                start: "2025-01-06",
                exit: nil,
                worked: "2025-03-05"
            )
            try await fixture.run(
                "UPDATE participants SET school_calendar_id = (SELECT id FROM school_calendars) WHERE id = \(youth[0])"
            )
            // Spring break (holidays), a Saturday in term (school period), summer.
            try await fixture.work(youth, program: fixture.youth, on: "2025-04-12", minutes: 60)
            try await fixture.work(youth, program: fixture.youth, on: "2025-07-15", minutes: 120)
            try await fixture.approveAll()
            let table = try await StatisticsRepository(database: Database(pool: pool)).table(
                try request(.hours, from: "2025-01-01", to: "2025-12-31", by: [.season])
            )
            #expect(table.rows.map(\.keys) == [["holidays"], ["school-period"], ["summer"]])
            #expect(table.rows.map { $0.values["minutes"] } == [180, 60, 120])
        }
    }
}
