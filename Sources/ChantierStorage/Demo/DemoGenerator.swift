public import ChantierCore
import ChantierPQ

/// Years of invented history for measuring the statistics at scale: sectors and sites, an adult
/// and a youth program, a school calendar, participants with their stays, about 130 time entries
/// a participant (a few corrected or voided), approved weeks, and outcomes after the stays.
/// Everything is made in the database by set-based SQL, in one transaction, from a seed, so the
/// same arguments give the same data.
///
/// The bulk tables' audit, week-lock and rollup triggers are off during the load (one audit row
/// per table says what was loaded instead, and the rollups are computed once at the end):
/// a demonstration database is not a ledger of real work.
public struct DemoGenerator: Sendable {
    public var participants: Int
    public var years: Int
    public var seed: Int
    /// The history ends the day before the year of `today` starts.
    public var today: LocalDate

    public init(participants: Int, years: Int, seed: Int = 1, today: LocalDate) {
        self.participants = participants
        self.years = years
        self.seed = seed
        self.today = today
    }

    /// What was made, by table.
    public struct Summary: Sendable {
        public var counts: [(table: String, rows: Int)]
    }

    public var period: DateRange {
        DateRange(
            LocalDate(year: today.year - years, month: 1, day: 1) ?? today,
            LocalDate(year: today.year - 1, month: 12, day: 31) ?? today
        )
    }

    public func run(on database: Database, progress: @Sendable (String) -> Void) async throws -> Summary {
        let audit = AuditContext(uid: nil, name: "chantierd demo", role: "admin", operation: "demo.generate")
        return try await database.write(audit) { connection in
            guard try await connection.query("SELECT count(*) FROM participants").value(Int.self) == 0 else {
                throw StorageError(
                    code: .conflict,
                    message: "the database already has participants; generate demonstration data into an empty "
                        + "database (createdb, then chantierd migrate)"
                )
            }
            // Loading millions of rows takes minutes; one draw order makes it reproducible.
            try await connection.query("SET LOCAL statement_timeout = 0")
            try await connection.query("SET LOCAL max_parallel_workers_per_gather = 0")
            try await connection.query("SELECT setseed(\(Double(seed % 1000) / 1000))")
            for table in Self.bulkTables {
                try await connection.query(PQQuery(unsafeSQL: "ALTER TABLE \(table) DISABLE TRIGGER audit"))
            }
            for trigger in Self.bulkTriggers {
                try await connection.query(
                    PQQuery(unsafeSQL: "ALTER TABLE \(trigger.table) DISABLE TRIGGER \(trigger.name)")
                )
            }
            for (step, statement) in statements.enumerated() {
                progress("step \(step + 1) of \(statements.count)")
                try await connection.query(statement)
            }
            for table in Self.bulkTables {
                try await connection.query(PQQuery(unsafeSQL: "ALTER TABLE \(table) ENABLE TRIGGER audit"))
            }
            for trigger in Self.bulkTriggers {
                try await connection.query(
                    PQQuery(unsafeSQL: "ALTER TABLE \(trigger.table) ENABLE TRIGGER \(trigger.name)")
                )
            }
            // The hours by month, computed once for everything now rather than by the first statistic.
            try await connection.query("SELECT chantier_mark_hours_stale(0, DATE '1900-01-01')")
            try await connection.query("SELECT chantier_refresh_hours_by_month()")
            try await connection.query("SELECT chantier_rebuild_activity_by_week()")
            var counts: [(table: String, rows: Int)] = []
            for table in Self.bulkTables {
                let rows = try await connection.query(PQQuery(unsafeSQL: "SELECT count(*) FROM \(table)")).value(
                    Int.self
                )
                counts.append((table, rows))
                try await connection.query(
                    """
                    INSERT INTO audit_log (actor_name, actor_role, operation, table_name, action, after)
                    VALUES (\(audit.name), 'admin', 'demo.generate', \(table), 'insert',
                            jsonb_build_object('rows', \(rows), 'seed', \(seed), 'participants', \(participants),
                                               'years', \(years)))
                    """
                )
            }
            return Summary(counts: counts)
        }
    }

    /// Triggers that check or follow single changes, off for the load.
    static let bulkTriggers = [
        (table: "time_entries", name: "time_entries_week_lock"),
        (table: "time_entries", name: "time_entries_mark_hours"),
        (table: "week_closures", name: "week_closures_mark_hours"),
        (table: "school_calendar_class_days", name: "school_calendar_class_days_mark_hours"),
    ]

    static let bulkTables = [
        "participants", "enrollments", "time_entries", "week_closures", "outcomes", "school_calendar_class_days",
    ]

    var statements: [PQQuery] {
        let first = period.first
        let last = period.last
        return [
            """
            INSERT INTO sectors (code, name)
            SELECT 'secteur-' || lpad(n::text, 2, '0'), 'Secteur ' || n FROM generate_series(1, 12) AS n
            """,
            """
            INSERT INTO sites (code, name, sector_id)
            SELECT sector.code || '-site-' || k, sector.name || ', site ' || k, sector.id
            FROM sectors sector, generate_series(1, 4) AS k ORDER BY sector.code, k
            """,
            """
            INSERT INTO task_kinds (code, name, min_age) VALUES
                ('lawn-mowing', 'Tonte de pelouse', 16), ('landscaping', 'Aménagement paysager', 16),
                ('delivery', 'Livraison', 18), ('housecleaning', 'Entretien ménager', 16),
                ('graffiti-removal', 'Enlèvement de graffitis', 14), ('litter-pickup', 'Ramassage de déchets', 13)
            """,
            """
            INSERT INTO programs (code, name, audience, min_age, max_age) VALUES
                ('multiboulot', 'Multiboulot', 'adult', 18, NULL), ('agir-ensemble', 'Agir ensemble', 'youth', 13, 17)
            """,
            """
            INSERT INTO program_policies (program_id, effective_from, policy)
            SELECT id, \(first),
                   CASE audience WHEN 'youth' THEN '{"week_starts_on": "sunday",
                       "caps": [{"rule": "AGIR-SCHOOLYEAR-WORK-6H", "season": "school-year", "work_minutes_per_week": 360},
                                {"rule": "AGIR-SUMMER-WORK-20H", "season": "summer", "work_minutes_per_week": 1200}],
                       "targets": [{"rule": "AGIR-SCHOOLYEAR-WORK-MIN-3H", "season": "school-year",
                                    "work_minutes_per_week": 180}]}'::jsonb
                   ELSE '{"week_starts_on": "sunday",
                       "targets": [{"rule": "MULTIBOULOT-WORK-MIN-9H", "season": "any",
                                    "work_minutes_per_week": 540}]}'::jsonb END
            FROM programs
            """,
            """
            INSERT INTO school_calendars (code, name, jurisdiction, class_start, class_end, known_from, known_to, source)
            VALUES ('demo-calendar', 'Calendrier de démonstration', 'QC', '08:15', '15:30', \(first), \(last), 'demo')
            """,
            // Classes on weekdays from 28 August to 22 June, without the Holidays and a spring break.
            """
            INSERT INTO school_calendar_class_days (calendar_id, day)
            SELECT calendar.id, series.day::date
            FROM school_calendars calendar,
                 generate_series(\(first)::timestamp, \(last)::timestamp, interval '1 day') AS series (day)
            WHERE extract(isodow FROM series.day) < 6
              AND (to_char(series.day, 'MM-DD') >= '08-28' OR to_char(series.day, 'MM-DD') <= '06-22')
              AND NOT (to_char(series.day, 'MM-DD') >= '12-22' OR to_char(series.day, 'MM-DD') <= '01-03')
              AND NOT to_char(series.day, 'MM-DD') BETWEEN '03-01' AND '03-07'
            """,
            // Two in five are youth; a stay starts anywhere in the period and lasts 2 to 13 months
            // (youth 3 to 23); ages at the start are 13 to 17, or 18 to 63.
            """
            CREATE TEMPORARY TABLE demo_people ON COMMIT DROP AS
            SELECT n, n % 5 < 2 AS youth, start,
                   start + CASE WHEN n % 5 < 2 THEN 90 + floor(random() * 610) ELSE 60 + floor(random() * 340) END::integer
                       AS stay_end,
                   (start - CASE WHEN n % 5 < 2 THEN 13 * 365 + floor(random() * 4 * 365)
                                 ELSE 18 * 365 + floor(random() * 45 * 365) END::integer) AS birth,
                   1 + floor(random() * 12)::integer AS sector_no, 1 + floor(random() * 4)::integer AS site_no,
                   random() AS fate, random() AS sex_draw
            FROM (SELECT n, \(first)::date + floor(random() * (\(last)::date - \(first)::date - 60))::integer AS start
                  FROM generate_series(1, \(participants)) AS n) AS drawn
            """,
            """
            INSERT INTO participants (given_name, family_name, birth_date, sex, sector_id, school_calendar_id,
                                      school_status, language, notes)
            SELECT CASE WHEN person.sex_draw < 0.5 THEN 'Camille' ELSE 'Alex' END, 'Démo ' || person.n, person.birth,
                   CASE WHEN person.sex_draw < 0.48 THEN 'female' WHEN person.sex_draw < 0.96 THEN 'male'
                        WHEN person.sex_draw < 0.98 THEN 'other' END,
                   sector.id, CASE WHEN person.youth THEN (SELECT id FROM school_calendars) END,
                   CASE WHEN person.youth THEN 'attending' ELSE 'not_applicable' END, 'fr', 'demo ' || person.n
            FROM demo_people person
            JOIN sectors sector ON sector.code = 'secteur-' || lpad(person.sector_no::text, 2, '0')
            ORDER BY person.n
            """,
            """
            CREATE TEMPORARY TABLE demo_stays ON COMMIT DROP AS
            SELECT person.*, participant.id AS participant_id, program.id AS program_id, site.id AS site_id,
                   CASE WHEN person.stay_end <= \(last) THEN person.stay_end END AS exit_on
            FROM demo_people person
            JOIN participants participant ON participant.notes = 'demo ' || person.n
            JOIN programs program ON program.code = CASE WHEN person.youth THEN 'agir-ensemble' ELSE 'multiboulot' END
            JOIN sites site ON site.code = 'secteur-' || lpad(person.sector_no::text, 2, '0') || '-site-' || person.site_no
            """,
            """
            INSERT INTO enrollments (participant_id, program_id, starts_on, exit_on, exit_reason)
            SELECT participant_id, program_id, start, exit_on,
                   CASE WHEN exit_on IS NULL THEN NULL
                        WHEN youth THEN (ARRAY['returned_to_school', 'moved', 'other'])[1 + floor(fate * 3)::integer]
                        ELSE (ARRAY['job_found', 'job_found', 'moved', 'lost_contact', 'other'])[1 + floor(fate * 5)::integer]
                   END
            FROM demo_stays
            """,
            // Monday, Wednesday and Friday of each week of a stay, 85 times in 100: adults from
            // 09:00 for 3 to 4 hours, youth from 16:00 for 2.
            """
            INSERT INTO time_entries (participant_id, site_id, program_id, kind, worked, work_date, break_minutes,
                                      recorded_by_name, recorded_at)
            SELECT stay.participant_id, stay.site_id, stay.program_id,
                   CASE WHEN stay.youth AND weekday = 4 AND week % 2 = 0 THEN 'awareness_session' ELSE 'work' END,
                   tstzrange(((day + CASE WHEN stay.youth THEN time '16:00' ELSE time '09:00' END)
                              AT TIME ZONE 'America/Toronto'),
                             ((day + CASE WHEN stay.youth THEN time '16:00' ELSE time '09:00' END)
                              AT TIME ZONE 'America/Toronto')
                             + CASE WHEN stay.youth THEN 120 ELSE 180 + 60 * (week % 2) END * interval '1 minute'),
                   day, CASE WHEN stay.youth THEN 0 ELSE 15 END, 'demo', day + time '20:00'
            FROM demo_stays stay,
                 generate_series(0, (least(stay.stay_end, \(last)) - stay.start) / 7) AS week,
                 unnest(ARRAY[0, 2, 4]) AS weekday,
                 LATERAL (SELECT (date_trunc('week', stay.start)::date + week * 7 + weekday) AS day) AS drawn
            WHERE day BETWEEN stay.start AND least(stay.stay_end, \(last)) AND random() < 0.85
            """,
            // One entry in a hundred corrected to an hour less, one in five hundred voided.
            """
            INSERT INTO time_entries (participant_id, site_id, program_id, kind, worked, work_date, break_minutes,
                                      supersedes, voids, reason, recorded_by_name, recorded_at)
            SELECT participant_id, site_id, program_id, kind,
                   CASE WHEN draw < 0.002 THEN worked ELSE tstzrange(lower(worked), upper(worked) - interval '1 hour') END,
                   work_date, 0, id, draw < 0.002,
                   CASE WHEN draw < 0.002 THEN 'did not happen' ELSE 'left an hour early' END, 'demo',
                   recorded_at + interval '1 day'
            FROM (SELECT entry.*, random() AS draw FROM time_entries entry) AS entry
            WHERE draw < 0.01
            """,
            """
            INSERT INTO week_closures (site_id, week_start, status, submitted_at, submitted_by, approved_at, approved_by)
            SELECT DISTINCT site_id, date_trunc('week', work_date)::date, 'approved', now(), 'demo', now(), 'demo'
            FROM time_entries
            """,
            // Adults: a job, training or a search within six months of leaving, or nothing known.
            """
            INSERT INTO outcomes (participant_id, enrollment_id, observed_on, situation, source, recorded_by)
            SELECT enrollment.participant_id, enrollment.id, enrollment.exit_on + 30 + floor(random() * 170)::integer,
                   CASE WHEN draw < 0.38 THEN 'employed_full_time' WHEN draw < 0.50 THEN 'employed_part_time'
                        WHEN draw < 0.55 THEN 'self_employed' WHEN draw < 0.62 THEN 'in_training'
                        WHEN draw < 0.74 THEN 'seeking_work' ELSE 'lost_contact' END,
                   CASE WHEN random() < 0.6 THEN 'verified' ELSE 'self_reported' END, 'demo'
            FROM (SELECT enrollment.*, random() AS draw FROM enrollments enrollment) AS enrollment
            JOIN programs program ON program.id = enrollment.program_id AND program.audience = 'adult'
            WHERE enrollment.exit_on IS NOT NULL AND draw < 0.85
            """,
            // Youth: back in school in the autumn after each school year of their stay, mostly; some
            // finish secondary school, and some of those a college diploma three years later.
            """
            INSERT INTO outcomes (participant_id, enrollment_id, observed_on, situation, diploma_level, source,
                                  recorded_by)
            SELECT enrollment.participant_id, enrollment.id, make_date(year, 9, 15),
                   CASE WHEN draw < 0.1 THEN 'diploma_obtained' ELSE 'in_school_returned' END,
                   CASE WHEN draw < 0.1 THEN 'secondary' END, 'self_reported', 'demo'
            FROM (SELECT enrollment.*, random() AS draw FROM enrollments enrollment) AS enrollment
            JOIN programs program ON program.id = enrollment.program_id AND program.audience = 'youth',
                 generate_series(extract(year FROM enrollment.starts_on)::integer,
                                 extract(year FROM coalesce(enrollment.exit_on, \(last)))::integer) AS year
            WHERE make_date(year, 9, 15) > enrollment.starts_on AND make_date(year, 9, 15) <= \(last) AND draw < 0.8
            """,
            """
            INSERT INTO outcomes (participant_id, enrollment_id, observed_on, situation, diploma_level, source,
                                  recorded_by)
            SELECT participant_id, enrollment_id, observed_on + 3 * 365, 'diploma_obtained', 'college', 'verified', 'demo'
            FROM outcomes
            WHERE situation = 'diploma_obtained' AND observed_on + 3 * 365 <= \(last) AND random() < 0.5
            """,
            "ANALYZE",
        ]
    }
}
