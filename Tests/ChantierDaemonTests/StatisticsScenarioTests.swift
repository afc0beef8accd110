import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Foundation
import Testing

/// Statistics, follow-ups and the annual report through the `chantierctl` binary against a real
/// daemon and database, the report opened in a headless Chromium.
@Suite("Statistics through chantierctl", .timeLimit(.minutes(4)))
struct StatisticsScenarioTests: ScenarioTests {
    let monday: Date
    let calendar: Calendar

    init() {
        (calendar, monday) = Self.monday(daysFromToday: -100)
    }

    /// 130 adults of Multiboulot who worked on 4 March 2025 (an approved week) and left on 30 June;
    /// 77 found work in September, 30 were seeking it; 3 are women.
    func multiboulotYear(_ s: Session) async throws {
        try await s.database.withPool { pool throws in
            try await pool.withTransaction { connection in
                try await AuditContext(uid: 0, name: "root", role: "admin", operation: "test.statistics").apply(
                    to: connection
                )
                let people = try await connection.query(
                    """
                    INSERT INTO participants (given_name, family_name, birth_date, sex)
                    SELECT 'Adulte', 'No ' || n, '1988-04-01', CASE WHEN n <= 3 THEN 'female' ELSE 'male' END
                    FROM generate_series(1, 130) AS n RETURNING id
                    """
                ).map { try $0.decode(Int.self, column: 0) }.sorted()
                try await connection.query(
                    """
                    INSERT INTO enrollments (participant_id, program_id, starts_on, exit_on, exit_reason)
                    SELECT id, (SELECT id FROM programs WHERE code = 'multiboulot'), '2025-01-06', '2025-06-30', 'other'
                    FROM unnest(\(people)::bigint[]) AS id;
                    """
                )
                try await connection.query(
                    """
                    INSERT INTO time_entries (participant_id, site_id, program_id, kind, worked, work_date,
                                              recorded_by_name)
                    SELECT id, (SELECT id FROM sites WHERE code = 'parc'), (SELECT id FROM programs WHERE code = 'multiboulot'),
                           'work', '[2025-03-04 13:00Z, 2025-03-04 16:00Z)', '2025-03-04', 'paul'
                    FROM unnest(\(people)::bigint[]) AS id
                    """
                )
                try await connection.query(
                    """
                    INSERT INTO week_closures (site_id, week_start, status, submitted_at, submitted_by, approved_at,
                                               approved_by)
                    SELECT id, '2025-03-03', 'approved', now(), 'paul', now(), 'marie' FROM sites WHERE code = 'parc'
                    """
                )
                for (range, situation, day) in [
                    (0..<77, "employed_full_time", "2025-09-15"), (77..<107, "seeking_work", "2025-10-01"),
                ] {
                    try await connection.query(
                        """
                        INSERT INTO outcomes (participant_id, observed_on, situation, source, recorded_by)
                        SELECT id, \(day)::date, \(situation), 'verified', 'marie'
                        FROM unnest(\(Array(people[range]))::bigint[]) AS id
                        """
                    )
                }
            }
        }
    }

    @Test func managersGetTheStatisticsAsTablesCSVAndJSONAndShareableOnesHideSmallCells() async throws {
        let s = try await session()
        try await registry(s)
        try await multiboulotYear(s)
        let period = ["--from", "2025-01-01", "--to", "2025-12-31"]

        let json = try await s.json(["stats", "return-to-work"] + period)
        let total = try #require(json["total"] as? [[String: Any]])
        let columns = try #require(json["columns"] as? [[String: Any]]).map { $0["key"] as? String }
        let share = try #require(columns.firstIndex(of: "share_returned"))
        #expect(total[share]["display"] as? String == "59.2 %")
        #expect(json["definition"] as? String != nil)

        let table = try await s.ctl(["stats", "return-to-work"] + period)
        #expect(table.status == 0 && table.output.contains("59.2 %") && table.output.contains("multiboulot"))
        let csv = try await s.ctl(["--csv", "stats", "return-to-work", "--by", ""] + period)
        #expect(csv.output.split(separator: "\n").first == "exits,known,returned,share_returned,share_returned_known")
        #expect(csv.output.contains("130,107,77,0.5923,0.7196"), "\(csv.output)")

        // By sex, shareable: 3 women is a small cell, and the men would give it away from the total.
        let bySex = try await s.ctl(["--csv", "stats", "return-to-work", "--by", "sex", "--shareable"] + period)
        let lines = bySex.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("female,<5,") }, "\(bySex.output)")
        #expect(lines.contains { $0.hasPrefix("male,<5,") }, "\(bySex.output)")
        #expect(lines.contains { $0.hasPrefix("total,130,107,77,") }, "\(bySex.output)")
        let internalView = try await s.ctl(["--csv", "stats", "return-to-work", "--by", "sex"] + period)
        #expect(internalView.output.contains("female,3,"), "\(internalView.output)")

        // Hours by month, participation, retention answer too.
        let hours = try await s.ctl(["--csv", "stats", "hours", "--by", "month"] + period)
        #expect(hours.output.contains("2025-03,130,390,3"), "\(hours.output)")
        #expect(try await s.ctl(["stats", "participation"] + period).status == 0)
        #expect(try await s.ctl(["stats", "retention", "--from", "2025-01-01", "--to", "2025-12-31"]).status == 0)

        // A statistic's own options reach the daemon, which names them with the table.
        let within = try await s.json(
            ["stats", "return-to-work", "--within", "30", "--program", "multiboulot"] + period
        )
        let withinParameters = try #require(within["parameters"] as? [[String: Any]]).map {
            "\($0["name"] ?? "") \($0["value"] ?? "")"
        }
        #expect(withinParameters.contains("within_days 30"), "\(withinParameters)")
        #expect(withinParameters.contains("program multiboulot"), "\(withinParameters)")
        let school = try await s.json(["stats", "return-to-school", "--school-year", "2023"])
        let schoolParameters = try #require(school["parameters"] as? [[String: Any]]).map {
            "\($0["name"] ?? "") \($0["value"] ?? "")"
        }
        #expect(schoolParameters.contains("period 2023-07-01 to 2024-06-30"), "\(schoolParameters)")

        // Bad input is refused with what to do, exit 65.
        let badGroup = try await s.ctl(["stats", "hours", "--by", "colour"] + period)
        #expect(badGroup.status == 65 && badGroup.output.contains("program, season, task"), "\(badGroup.output)")
        let backwards = try await s.ctl(["stats", "hours", "--from", "2025-12-31", "--to", "2025-01-01"])
        #expect(backwards.status == 65 && backwards.output.contains("swap them"), "\(backwards.output)")
        let badAge = try await s.ctl(["stats", "return-to-work", "--age", "old"])
        #expect(badAge.status == 65 && badAge.output.contains("18-24"), "\(badAge.output)")
        await s.daemon.stop()
    }

    @Test func theAnnualReportIsOneSelfContainedPageThatOpensInABrowserWithTheFigures() async throws {
        let s = try await session()
        try await registry(s)
        try await multiboulotYear(s)
        let path = s.directory.appending(path: "report.html").path
        let written = try await s.ctl(["report", "--year", "2025", "--program", "multiboulot", "--out", path])
        #expect(written.status == 0, "\(written.output)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("<script"), "no external asset")
        #expect(html.contains("Shareable"))

        let chromium = try #require(
            ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            },
            "chromium is installed by scripts/test"
        )
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"]
        let home = ["HOME": s.directory.path]
        let dom = try await ChildProcess.run(chromium, flags + ["--dump-dom", "file://\(path)"], environment: home)
        #expect(dom.status == 0)
        #expect(!dom.output.contains(":CONSOLE:"), "the page logs no error: \(dom.output)")
        for figure in ["59.2 %", "130", "390.0", "Approved hours by month", "Definitions", "<svg"] {
            #expect(dom.output.contains(figure), "the rendered page shows \(figure)")
        }
        let pdf = s.directory.appending(path: "report.pdf").path
        let printed = try await ChildProcess.run(
            chromium,
            flags + ["--print-to-pdf=\(pdf)", "file://\(path)"],
            environment: home
        )
        #expect(printed.status == 0)
        let bytes = try Data(contentsOf: URL(filePath: pdf))
        #expect(bytes.starts(with: Data("%PDF".utf8)) && bytes.count > 5_000, "it prints to PDF")

        let unknown = try await s.ctl(["report", "--year", "2025", "--program", "nope", "--out", path])
        #expect(unknown.status == 66, "\(unknown.output)")
        await s.daemon.stop()
    }

    @Test func followUpsAreScheduledAfterAnExitListedAndDoneWithTheSituationLearnt() async throws {
        let s = try await session()
        try await registry(s)
        let adult = try await participant(s, "Martin", "Pelletier", born: "1978-06-03", school: false)
        try await s.json(["enroll", "\(adult)", "multiboulot", "--on", day(-200)])
        try await s.json(["exit", "\(adult)", "multiboulot", "--on", day(-10), "--reason", "job_found"])
        // The leader schedules follow-ups as soon as it leads: start another daemon on the database.
        await s.daemon.stop()
        let daemon = try await TestDaemon.start(conninfo: s.database.conninfo)
        try await daemon.waitUntilReady()
        let restarted = ScenarioSession(daemon: daemon, database: s.database, directory: daemon.directory)

        var followUps: [[String: Any]] = []
        for _ in 0..<100 where followUps.isEmpty {
            followUps =
                try await restarted.json(["followup", "due", "--by", day(400)])["follow_ups"] as? [[String: Any]] ?? []
            if followUps.isEmpty { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(followUps.map { $0["offset_days"] as? Int } == [90, 180, 365])
        #expect(followUps.first?["due_on"] as? String == day(80))
        // Ninety days after an exit 110 days ago: overdue, and the coordinators are told.
        #expect(followUps.map { $0["overdue"] as? Bool } == [true, false, false])
        var alerts: [[String: Any]] = []
        for _ in 0..<100 where alerts.isEmpty {
            alerts =
                try await restarted.json(["alert", "list", "--kind", "follow-up-overdue"])["alerts"] as? [[String: Any]]
                ?? []
            if alerts.isEmpty { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(alerts.count == 1 && (alerts.first?["message"] as? String)?.contains("followup done") == true)

        let first = try #require(followUps.first?["id"] as? Int)
        let done = try await restarted.json([
            "followup", "done", "\(first)", "--situation", "employed_full_time", "--note",
            "called, works as a gardener",
        ])
        #expect(done["done_on"] as? String != nil && done["outcome_id"] as? Int != nil)
        let outcomes = try await restarted.json(["outcome", "list", "--participant", "\(adult)"])
        #expect((outcomes["outcomes"] as? [[String: Any]])?.first?["program"] as? String == "multiboulot")
        let again = try await restarted.ctl(["followup", "done", "\(first)", "--note", "twice"])
        #expect(again.status == 67, "\(again.output)")
        let both = try await restarted.ctl(["followup", "done", "\(first)", "--situation", "other", "--outcome", "1"])
        #expect(both.status == 64, "\(both.output)")
        // Due by today: the overdue one was done, the others are months away.
        #expect(try await restarted.json(["followup", "due"])["follow_ups"].map { ($0 as? [Any])?.count } == 0)
        #expect(
            try await restarted.json(["followup", "due", "--by", day(400)])["follow_ups"].map { ($0 as? [Any])?.count }
                == 2
        )
        await daemon.stop()
    }
}
