import ChantierPQ
import ChantierTestSupport
import Foundation
import Testing

/// Supervisors' and coordinators' weeks of hours through the `chantierctl` binary against a real
/// daemon and database. Hours are logged for a week three to four weeks ago (hours are facts: the
/// future cannot be logged).
@Suite("Hours through chantierctl", .timeLimit(.minutes(5)))
struct HoursScenarioTests: ScenarioTests {
    let monday: Date
    let calendar: Calendar

    init() {
        (calendar, monday) = Self.monday(daysFromToday: -27)
    }

    /// The ISO week of `monday` plus `weeks`.
    func isoWeek(_ weeks: Int = 0) -> String {
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = calendar.timeZone
        let date = calendar.date(byAdding: .day, value: 7 * weeks, to: monday)!
        let parts = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
    }

    /// The registry, an adult in Multiboulot and a 15-year-old in class weeks in the open program,
    /// both enrolled well before the week.
    func people(_ s: Session) async throws -> (adult: Int, youth: Int) {
        try await registry(s)
        let adult = try await participant(s, "Martin", "Pelletier", born: "1978-06-03", school: false)
        let youth = try await participant(s, "Léa", "Tremblay", born: day(-(15 * 365 + 100)), school: true)
        // From the programs' first day, so that every day the tests log is inside the enrollment.
        try await s.json(["enroll", "\(adult)", "multiboulot", "--on", "2026-01-05"])
        try await s.json(["enroll", "\(youth)", "ouvert", "--on", "2026-01-05"])
        return (adult, youth)
    }

    /// Logs hours at the park and returns the entry's JSON.
    func log(
        _ s: Session,
        _ participant: Int,
        on offset: Int,
        _ start: String,
        _ end: String,
        extra: [String] = []
    ) async throws -> [String: Any] {
        try await s.json(
            ["hours", "log", "\(participant)", "--site", "parc", "--date", day(offset), "--start", start, "--end", end]
                + extra
        )
    }

    /// A shift in the past with a participant on it, as the daemon would have made and assigned
    /// it then (shifts are only made from today on, so the test writes it itself).
    func pastShift(_ s: Session, participant: Int, on offset: Int, _ start: String, _ end: String) async throws -> Int {
        try await s.database.withPool { pool throws in
            try await pool.withTransaction { connection in
                try await connection.query(
                    "SELECT set_config('chantier.actor_name', 'test', true), set_config('chantier.operation', 'test', true)"
                )
                let date = day(offset)
                let shift = try await connection.query(
                    """
                    INSERT INTO shifts (site_id, task_kind_id, local_date, during, headcount)
                    SELECT site.id, task.id, \(date)::date,
                           tstzrange((\(date)::date + \(start)::time) AT TIME ZONE 'America/Toronto',
                                     (\(date)::date + \(end)::time) AT TIME ZONE 'America/Toronto'), 1
                    FROM sites site, task_kinds task WHERE site.code = 'parc' AND task.code = 'hand-cleanup'
                    RETURNING id
                    """
                ).value(Int.self)
                try await connection.query(
                    """
                    INSERT INTO assignments (shift_id, participant_id, during)
                    SELECT id, \(participant), during FROM shifts WHERE id = \(shift)
                    """
                )
                return shift
            }
        }
    }

    @Test func logCorrectAndSeeBothInTheHistoryWhileTheLedgerRefusesRewrites() async throws {
        let s = try await session()
        let (adult, _) = try await people(s)

        // A shift logged by its id takes the shift's times and completes the assignment.
        let shift = try await pastShift(s, participant: adult, on: 0, "09:00", "12:00")
        let logged = try await s.json(["hours", "log", "\(adult)", "--shift", "\(shift)"])
        let entry = try #require(logged["entry"] as? [String: Any])
        let id = try #require(entry["id"] as? Int)
        #expect(entry["shift_id"] as? Int == shift)
        #expect(entry["worked_minutes"] as? Int == 180)
        #expect(entry["program"] as? String == "multiboulot")
        let shown = try await s.json(["shift", "show", "\(shift)"])
        #expect((shown["assignments"] as? [[String: Any]])?.first?["status"] as? String == "completed")

        // The supervisor got the end wrong: a correction with a reason supersedes the entry.
        let noReason = try await s.ctl(["hours", "correct", "\(id)", "--end", "11:30"])
        #expect(noReason.status == 64, "a reason is mandatory: \(noReason.output)")
        let corrected = try await s.json([
            "hours", "correct", "\(id)", "--end", "11:30", "--break", "15", "--reason", "left at 11:30, took a break",
        ])
        let correction = try #require(corrected["entry"] as? [String: Any])
        let correctionID = try #require(correction["id"] as? Int)
        #expect(correction["supersedes"] as? Int == id)
        #expect(correction["worked_minutes"] as? Int == 135)
        let history = try await s.json(["hours", "history", "\(correctionID)"])
        let chain = try #require(history["entries"] as? [[String: Any]])
        #expect(chain.map { $0["id"] as? Int } == [id, correctionID])
        #expect(chain.map { $0["current"] as? Bool } == [false, true])
        #expect(chain.last?["reason"] as? String == "left at 11:30, took a break")
        let table = try await s.ctl(["hours", "history", "\(id)"])
        #expect(table.output.contains("corrects \(id): left at 11:30, took a break"), "\(table.output)")

        // Only the correction is in force, and it cannot be corrected twice from the old entry.
        let list = try await s.json(["hours", "list", "--week", isoWeek(), "--participant", "\(adult)"])
        #expect((list["entries"] as? [[String: Any]])?.map { $0["id"] as? Int } == [correctionID])
        #expect(list["worked_minutes"] as? Int == 135)
        // Hours at another site the same week: each filter narrows the list by itself.
        try await s.json(["site", "add", "ecole", "--name", "École", "--sector", "nord"])
        let atTheSchool = try await s.json([
            "hours", "log", "\(adult)", "--site", "ecole", "--date", day(2), "--start", "13:00", "--end", "15:00",
        ])
        let schoolID = try #require((atTheSchool["entry"] as? [String: Any])?["id"] as? Int)
        func listed(_ filters: [String]) async throws -> [Int] {
            let list = try await s.json(["hours", "list"] + filters)
            return try #require(list["entries"] as? [[String: Any]]).compactMap { $0["id"] as? Int }
        }
        #expect(try await listed(["--week", isoWeek()]) == [correctionID, schoolID])
        #expect(try await listed(["--week", isoWeek(), "--site", "parc"]) == [correctionID])
        #expect(try await listed(["--week", isoWeek(), "--site", "ecole", "--participant", "\(adult)"]) == [schoolID])
        #expect(try await listed(["--week", isoWeek(1), "--site", "ecole"]).isEmpty)
        let again = try await s.ctl(["hours", "correct", "\(id)", "--end", "12:00", "--reason", "again"])
        #expect(again.status == 67 && again.output.contains("correct \(correctionID) instead"), "\(again.output)")

        // Future hours are not facts yet.
        let future = try await s.ctl([
            "hours", "log", "\(adult)", "--site", "parc", "--date", day(60, from: Date()), "--start", "09:00", "--end",
            "10:00",
        ])
        #expect(future.status == 65 && future.output.contains("in the future"), "\(future.output)")

        // The ledger cannot be rewritten from SQL either, as the daemon's own database role.
        try await s.database.withPool { pool throws in
            for statement in [
                "UPDATE time_entries SET break_minutes = 0 WHERE id = \(id)",
                "DELETE FROM time_entries WHERE id = \(id)",
                "TRUNCATE time_entries CASCADE",
            ] {
                await #expect(throws: PQError.self, "\(statement)") {
                    try await pool.withTransaction { connection in
                        try await connection.query(
                            "SELECT set_config('chantier.actor_name', 'intruder', true)"
                        )
                        try await connection.query(PQQuery(unsafeSQL: statement))
                    }
                }
            }
            let (count, smallestBreak) = try await pool.query(
                "SELECT count(*), min(break_minutes) FROM time_entries"
            )[0].decode(Int.self, Int.self)
            #expect(count == 3 && smallestBreak == 0, "the entry, its correction and the school's")
        }
        await s.daemon.stop()
    }

    @Test func hoursLoggedAtASiteOnTheDayOfAShiftThereCompleteItsAssignment() async throws {
        let s = try await session()
        let (adult, _) = try await people(s)
        let shift = try await pastShift(s, participant: adult, on: 1, "13:00", "16:00")
        try await s.json(["site", "add", "ecole", "--name", "École", "--sector", "nord"])

        // Another site that day is not the shift's; the park that day is.
        let elsewhere = try await s.json([
            "hours", "log", "\(adult)", "--site", "ecole", "--date", day(1), "--start", "09:00", "--end", "10:00",
        ])
        #expect((elsewhere["entry"] as? [String: Any])?["shift_id"] as? Int == nil, "\(elsewhere)")
        let atThePark = try await log(s, adult, on: 1, "13:00", "15:30")
        #expect((atThePark["entry"] as? [String: Any])?["shift_id"] as? Int == shift, "\(atThePark)")
        let shown = try await s.json(["shift", "show", "\(shift)"])
        #expect((shown["assignments"] as? [[String: Any]])?.first?["status"] as? String == "completed")

        // A site that does not exist, or no longer takes hours, is refused and nothing is recorded.
        let nowhere = try await s.ctl([
            "hours", "log", "\(adult)", "--site", "nowhere", "--date", day(2), "--start", "09:00", "--end", "10:00",
        ])
        #expect(nowhere.status == 65 && nowhere.output.contains("there is no site nowhere"), "\(nowhere.output)")
        #expect(try await s.ctl(["site", "archive", "ecole"]).status == 0)
        let archived = try await s.ctl([
            "hours", "log", "\(adult)", "--site", "ecole", "--date", day(2), "--start", "09:00", "--end", "10:00",
        ])
        #expect(archived.status == 65 && archived.output.contains("ecole is archived"), "\(archived.output)")
        let week = try await s.json(["hours", "list", "--week", isoWeek()])
        #expect((week["entries"] as? [[String: Any]])?.count == 2, "\(week)")
    }

    @Test func hoursOfAYouthInTwoProgramsAreCheckedAgainstBoth() async throws {
        let s = try await session()
        let (_, youth) = try await people(s)
        try await s.json(["enroll", "\(youth)", "agir-ensemble", "--on", "2026-01-05"])

        // 7 h on a Saturday of a class week: within the open program and Québec's law, over
        // Agir ensemble's 6 h a school week, the second program the youth is in.
        let morning = try await log(s, youth, on: 5, "09:00", "12:30")
        #expect((morning["entry"] as? [String: Any])?["flags"] as? [String] == [], "\(morning)")
        let afternoon = try await log(s, youth, on: 5, "13:00", "16:30")
        let flags = (afternoon["entry"] as? [String: Any])?["flags"] as? [String]
        #expect(flags == ["AGIR-SCHOOLYEAR-WORK-6H"], "\(afternoon)")
    }

    @Test func aYouthPastTenWeekdayHoursIsRecordedFlaggedAndAlertedEvenWhenLoggedTwiceAtOnce() async throws {
        let s = try await session()
        let (_, youth) = try await people(s)
        // Monday to Wednesday after school: 8 h.
        for (offset, end) in [(0, "19:00"), (1, "19:00"), (2, "18:00")] {
            let entry = try await log(s, youth, on: offset, "16:00", end)
            #expect((entry["violations"] as? [Any])?.isEmpty == true)
        }
        // Two supervisors log Thursday's two sessions at the same moment: 9 h 30 after the first,
        // 11 h after the second, whichever it is. The participant's row serializes them.
        async let first = log(s, youth, on: 3, "16:00", "17:30")
        async let second = log(s, youth, on: 3, "18:00", "19:30")
        let both = try await [first, second]
        let flags = both.map { (($0["entry"] as? [String: Any])?["flags"] as? [String]) ?? [] }
        #expect(flags.filter { $0 == ["QC-WEEKDAY-10H"] }.count == 1, "\(flags)")
        #expect(flags.filter(\.isEmpty).count == 1, "\(flags)")

        // Both are recorded; the flagged one is listed and alerted to the coordinators.
        let flagged = try await s.json(["hours", "list", "--week", isoWeek(), "--flagged"])
        let entries = try #require(flagged["entries"] as? [[String: Any]])
        #expect(entries.count == 1)
        let flaggedID = try #require(entries.first?["id"] as? Int)
        let alerts = try await s.json(["alert", "list", "--kind", "limit-breach"])
        let alert = try #require((alerts["alerts"] as? [[String: Any]])?.first)
        #expect(alert["target_role"] as? String == "coordinator")
        #expect((alert["details"] as? [String: String])?["entry"] == "\(flaggedID)")
        #expect((alert["message"] as? String)?.contains("QC-WEEKDAY-10H") == true)

        // The week against its limits: 11 h of the 10 h of Monday to Friday.
        let limits = try await s.json(["hours", "week", "\(youth)", "--week", isoWeek()])
        let weekdays = try #require(
            (limits["limits"] as? [[String: Any]])?.first { $0["rule"] as? String == "QC-WEEKDAY-10H" }
        )
        #expect(weekdays["limit_minutes"] as? Int == 600)
        #expect(weekdays["used_minutes"] as? Int == 660)
        #expect(weekdays["remaining_minutes"] as? Int == 0)
        let week = try #require(
            (limits["limits"] as? [[String: Any]])?.first { $0["rule"] as? String == "QC-WEEK-17H" }
        )
        #expect(week["remaining_minutes"] as? Int == 17 * 60 - 660)

        // Approving the week needs an acknowledgement of the flag.
        try await s.json(["week", "submit", "parc", "--week", isoWeek()])
        let bare = try await s.ctl(["week", "approve", "parc", "--week", isoWeek()])
        #expect(bare.status == 67 && bare.output.contains("--acknowledge"), "\(bare.output)")
        let approved = try await s.json([
            "week", "approve", "parc", "--week", isoWeek(), "--acknowledge",
            "two sessions logged at once; talked to both",
        ])
        #expect(approved["status"] as? String == "approved")
        #expect(approved["acknowledgement"] as? String == "two sessions logged at once; talked to both")

        // The leader's scan, run once it leads, publishes the open alerts by kind.
        var metrics = ""
        for _ in 0..<40 where !metrics.contains("chantier_alerts_open{kind=\"limit-breach\"}") {
            metrics = try await s.daemon.curl([], path: "/metrics").body
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(metrics.contains("chantier_alerts_open{kind=\"missing-timesheet\"}"), "\(metrics)")
        await s.daemon.stop()
    }

    @Test func aShiftAcrossTheAutumnClockChangeCountsItsRealMinutes() async throws {
        let s = try await session()
        let (adult, _) = try await people(s)
        // The last first Sunday of November (the clocks go back at 02:00) before today.
        func firstSundayOfNovember(_ year: Int) -> Date {
            var date = calendar.date(from: DateComponents(year: year, month: 11, day: 1))!
            while calendar.component(.weekday, from: date) != 1 {
                date = calendar.date(byAdding: .day, value: 1, to: date)!
            }
            return date
        }
        let year = calendar.component(.year, from: Date())
        let date = firstSundayOfNovember(year) < Date() ? firstSundayOfNovember(year) : firstSundayOfNovember(year - 1)
        let sunday = day(0, from: date)
        let night = try await s.json([
            "hours", "log", "\(adult)", "--site", "parc", "--date", sunday, "--start", "00:30", "--end", "04:00",
        ])
        let entry = try #require(night["entry"] as? [String: Any])
        #expect(entry["minutes"] as? Int == 270, "3 h 30 on the wall clock, 4 h 30 worked")
        #expect(entry["worked_minutes"] as? Int == 270)
        await s.daemon.stop()
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to create a supervisor"))
    func aSupervisorsWeekIsSubmittedApprovedLockedAndPaidToTheCent() async throws {
        try await TemporaryUser.with(prefix: "sup") { user, group in
            try await supervisorsWeek(user: user, group: group)
        }
    }

    func supervisorsWeek(user: String, group: String) async throws {
        let s = try await session(extra: "roles:\n  supervisor_group: \(group)\n")
        let (adult, youth) = try await people(s)
        try await s.json(["site", "add", "ecole", "--name", "École", "--sector", "nord"])
        let site = try await s.json(["site", "supervisors", "parc", "--add", user])
        #expect(site["supervisors"] as? [String] == [user])
        func supervisor(_ arguments: [String]) async throws -> ChildProcess.Result {
            try await s.daemon.chantierctl(arguments, as: user, environment: ["LANG": "C.UTF-8"])
        }

        // The supervisor logs the park's week, not another site's.
        for arguments in [
            ["\(adult)", "--date", day(0), "--start", "08:00", "--end", "16:00", "--break", "30"],
            ["\(adult)", "--date", day(1), "--start", "08:00", "--end", "12:10"],
            ["\(youth)", "--date", day(5), "--start", "09:00", "--end", "12:00"],
            ["\(youth)", "--date", day(6), "--start", "13:00", "--end", "14:00", "--kind", "awareness_session"],
        ] {
            let result = try await supervisor(["hours", "log", "--site", "parc"] + arguments)
            #expect(result.status == 0, "\(result.output)")
        }
        let elsewhere = try await supervisor([
            "hours", "log", "\(adult)", "--site", "ecole", "--date", day(2), "--start", "08:00", "--end", "09:00",
        ])
        #expect(elsewhere.status == 77 && elsewhere.output.contains("does not supervise ecole"), "\(elsewhere.output)")

        // Payroll refuses the period while the week is not approved, and says which week.
        let period = "\(day(0))..\(day(13))"
        let early = try await s.ctl(["payroll", "export", "--period", period, "--csv"])
        #expect(early.status == 67, "\(early.output)")
        #expect(early.output.contains("parc \(isoWeek()) (open)") && early.output.contains("[weeks-not-approved]"))

        // Submitted by the supervisor, approved (and locked) by a coordinator.
        let submitted = try await supervisor(["week", "submit", "parc", "--week", isoWeek()])
        #expect(submitted.status == 0 && submitted.output.contains("submitted"), "\(submitted.output)")
        let notTheirs = try await supervisor(["week", "approve", "parc", "--week", isoWeek()])
        #expect(notTheirs.status == 77, "supervisors do not approve: \(notTheirs.output)")
        let approved = try await s.json(["week", "approve", "parc", "--week", isoWeek()])
        #expect(approved["locked"] as? Bool == true)

        // Locked: the supervisor's new hours and corrections are refused; an admin's correction is not.
        let late = try await supervisor([
            "hours", "log", "\(adult)", "--site", "parc", "--date", day(2), "--start", "08:00", "--end", "10:00",
        ])
        #expect(late.status == 67 && late.output.contains("[week-locked]"), "\(late.output)")
        let list = try await s.json(["hours", "list", "--week", isoWeek(), "--participant", "\(adult)"])
        let tuesday = try #require((list["entries"] as? [[String: Any]])?.first { $0["date"] as? String == day(1) })
        let tuesdayID = try #require(tuesday["id"] as? Int)
        let byTheSupervisor = try await supervisor([
            "hours", "correct", "\(tuesdayID)", "--end", "12:40", "--reason", "forgot half an hour",
        ])
        #expect(byTheSupervisor.status == 67 && byTheSupervisor.output.contains("[week-locked]"))
        let byTheAdmin = try await s.json([
            "hours", "correct", "\(tuesdayID)", "--end", "12:40", "--reason", "forgot half an hour",
        ])
        #expect((byTheAdmin["entry"] as? [String: Any])?["worked_minutes"] as? Int == 280)

        // Payroll: approved minutes per participant, program and kind, priced to the cent, and audited.
        let export = try await s.ctl(["payroll", "export", "--period", period, "--csv"])
        #expect(export.status == 0, "\(export.output)")
        let lines = export.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "participant_id,participant,program,kind,minutes,hours,hourly_rate,amount")
        // Adult: 450 + 280 minutes at Multiboulot's 17.25 $: 730 × 17.25 / 60 = 209.875 → 209.88.
        #expect(lines.contains("\(adult),Martin Pelletier,multiboulot,work,730,12.17,17.25,209.88"), "\(lines)")
        // Youth: the open program has no rate, so the minimum wage of the day, for work and the session.
        let wage = try #require(minimumWage(on: day(5)))
        let workAmount = amount(minutes: 180, cents: wage)
        let sessionAmount = amount(minutes: 60, cents: wage)
        #expect(lines.contains("\(youth),Léa Tremblay,ouvert,work,180,3.00,\(money(wage)),\(money(workAmount))"))
        #expect(
            lines.contains(
                "\(youth),Léa Tremblay,ouvert,awareness_session,60,1.00,\(money(wage)),\(money(sessionAmount))"
            ),
            "\(lines)"
        )
        let json = try await s.json(["payroll", "export", "--period", period])
        #expect(json["total_amount"] as? String == money(20988 + workAmount + sessionAmount))
        #expect(json["total_minutes"] as? Int == 730 + 240)
        try await s.database.withPool { pool throws in
            let audited = try await pool.query(
                "SELECT details ->> 'amount' FROM audit_log WHERE operation = 'exportPayroll' ORDER BY at"
            ).map { try $0.decode(String.self, column: 0) }
            #expect(audited == [money(20988 + workAmount + sessionAmount), money(20988 + workAmount + sessionAmount)])
        }
        await s.daemon.stop()
    }

    /// Québec's general minimum wage in cents on a `YYYY-MM-DD` day (the daemon's default table).
    func minimumWage(on day: String) -> Int? {
        [("2025-05-01", 1610), ("2026-05-01", 1660)].last { $0.0 <= day }?.1
    }

    func amount(minutes: Int, cents: Int) -> Int { (minutes * cents + 30) / 60 }

    func money(_ cents: Int) -> String { "\(cents / 100)." + String("0\(cents % 100)".suffix(2)) }
}
