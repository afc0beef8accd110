import ChantierPQ
import ChantierTestSupport
import Foundation
import Testing

/// A coordinator's week through the `chantierctl` binary against a real daemon and database. Dates
/// are computed from today, in Montréal time, so the scenario holds whenever it runs.
@Suite("A coordinator's work through chantierctl", .timeLimit(.minutes(5)))
struct CoordinatorScenarioTests: ScenarioTests {
    /// The next Monday at least a week away: the cap scenario runs the week before it (Sunday to
    /// Saturday), the others the week after.
    let monday: Date
    let calendar: Calendar

    init() {
        (calendar, monday) = Self.monday(daysFromToday: 8)
    }

    @Test func aWeekOfRegistryAndAssignmentsWithEveryRefusalExplained() async throws {
        let s = try await session()
        try await registry(s)
        let adult = try await participant(s, "Martin", "Pelletier", born: "1978-06-03", school: false)
        let thirteen = try await participant(s, "Mia", "Bouchard", born: day(-(13 * 365 + 100)), school: true)
        let fifteen = try await participant(s, "Léa", "Tremblay", born: day(-(15 * 365 + 100)), school: true)
        for (id, program) in [
            (adult, "multiboulot"), (thirteen, "agir-ensemble"), (fifteen, "agir-ensemble"), (fifteen, "ouvert"),
        ] {
            try await s.json(["enroll", "\(id)", program, "--on", day(-30, from: Date())])
        }
        let tooOld = try await s.ctl(["enroll", "\(adult)", "agir-ensemble", "--on", day(0)])
        #expect(tooOld.status == 65 && tooOld.output.contains("accepts people aged 17 or less"), "\(tooOld.output)")

        // The week after `monday`: Tuesday and Thursday cleanups, and what must be refused.
        let cleanup = try await order(
            s,
            "Corvée",
            program: "agir-ensemble",
            days: "tue,thu",
            time: "16:00-18:00",
            from: day(7),
            to: day(13)
        )
        #expect(cleanup.keys.sorted() == [day(8), day(10)], "shifts on the order's days only")
        let mowing = try await order(
            s,
            "Tonte",
            program: "agir-ensemble",
            task: "lawn-mowing",
            days: "wed",
            time: "16:00-17:00",
            from: day(7),
            to: day(13)
        )
        let afternoon = try await order(
            s,
            "Après-midi",
            program: "agir-ensemble",
            days: "wed",
            time: "14:00-16:00",
            from: day(7),
            to: day(13)
        )
        let evening = try await order(
            s,
            "Soirée",
            program: "agir-ensemble",
            days: "tue",
            time: "17:00-19:00",
            from: day(7),
            to: day(13)
        )
        let saturday = try await order(
            s,
            "Samedi",
            program: "agir-ensemble",
            days: "sat",
            time: "10:00-12:00",
            from: day(7),
            to: day(13),
            headcount: 1
        )

        #expect(try await assign(s, fifteen, cleanup[day(8)]).status == 0)
        let overlap = try await assign(s, fifteen, evening[day(8)])
        #expect(
            overlap.status == 67 && overlap.output.contains("overlap: Léa Tremblay is already on shift"),
            "\(overlap.output)"
        )
        let young = try await assign(s, fifteen, mowing[day(9)])
        #expect(young.status == 67 && young.output.contains("below-minimum-age"), "\(young.output)")
        let school = try await assign(s, fifteen, afternoon[day(9)])
        #expect(school.status == 67 && school.output.contains("QC-SCHOOL-HOURS"), "\(school.output)")
        let noConsent = try await assign(s, thirteen, cleanup[day(10)])
        #expect(noConsent.status == 67 && noConsent.output.contains("QC-U14-CONSENT"), "\(noConsent.output)")
        try await s.json([
            "participant", "consent", "add", "\(thirteen)", "--kind", "qc_cnesst_under_14", "--signed",
            day(-20, from: Date()),
            "--max-hours", "5", "--task", "hand-cleanup",
        ])
        #expect(try await assign(s, thirteen, cleanup[day(10)]).status == 0, "lawful once the consent is on file")
        #expect(try await assign(s, fifteen, saturday[day(12)]).status == 0)
        let full = try await assign(s, thirteen, saturday[day(12)])
        #expect(full.status == 67 && full.output.contains("shift-full"), "\(full.output)")
        let dryRun = try await s.ctl(["assign", "\(thirteen)", "\(try #require(cleanup[day(8)]))", "--dry-run"])
        #expect(dryRun.status == 0 && dryRun.output.contains("may work shift"), "\(dryRun.output)")

        // The week before: 16 h of lawful work, then 2 h more breaks the law's 17 h.
        let weekend = try await order(
            s,
            "Fin de semaine",
            program: "ouvert",
            days: "sat,sun",
            time: "08:00-13:00",
            from: day(-1),
            to: day(5)
        )
        let evenings = try await order(
            s,
            "Soirs",
            program: "ouvert",
            days: "mon,tue,thu,fri",
            time: "16:00-18:00",
            from: day(-1),
            to: day(5)
        )
        for shift in [weekend[day(-1)], evenings[day(0)], evenings[day(1)], evenings[day(3)], weekend[day(5)]] {
            let result = try await assign(s, fifteen, shift)
            #expect(result.status == 0, "\(result.output)")
        }
        let cap = try await assign(s, fifteen, evenings[day(4)])
        #expect(cap.status == 67 && cap.output.contains("QC-WEEK-17H"), "\(cap.output)")

        // The roster shows who works where; a confirmation and an unassignment change it.
        try await s.json(["confirm", "\(fifteen)", "\(try #require(cleanup[day(8)]))"])
        try await s.json(["unassign", "\(thirteen)", "\(try #require(cleanup[day(10)]))", "--reason", "malade"])
        let roster = try await s.ctl(["roster", "--from", day(7), "--to", day(13)])
        #expect(
            roster.output.contains("Léa Tremblay #\(fifteen)") && roster.output.contains("confirmed"),
            "\(roster.output)"
        )
        #expect(!roster.output.contains("Mia Bouchard"), "an unassigned participant is off the roster")

        // Every change is in the audit log, under the caller's name.
        let user = try #require(try await s.json(["whoami"])["user"] as? String)
        try await s.database.withPool { pool throws in
            let operations = Set(
                try await pool.query(
                    "SELECT DISTINCT operation FROM audit_log WHERE actor_name = \(user)"
                ).map { try $0.decode(String.self, column: 0) }
            )
            for operation in [
                "createSector", "createClient", "createSite", "createTaskKind", "createProgram", "importCalendar",
                "createParticipant", "enrollParticipant", "addConsent", "createOrder", "assignParticipant",
                "setAssignmentStatus",
            ] {
                #expect(operations.contains(operation), "\(operation) is audited under \(user)")
            }
            let strangers = try await pool.query(
                """
                SELECT count(*) FROM audit_log
                WHERE actor_name NOT IN (\(user), 'chantierd') AND actor_name NOT LIKE 'migration %'
                """
            ).value(Int.self)
            #expect(strangers == 0)
        }
        await s.daemon.stop()
    }

    @Test func twoCoordinatorsBookingOnePersonAtOnceGiveExactlyOneAssignment() async throws {
        let s = try await session()
        try await registry(s)
        let adult = try await participant(s, "Karim", "Haddad", born: "1991-10-07", school: false)
        try await s.json(["enroll", "\(adult)", "multiboulot", "--on", day(-30, from: Date())])
        let morning = try await order(
            s,
            "Matin",
            program: "multiboulot",
            days: "mon",
            time: "09:00-12:00",
            from: day(7),
            to: day(7)
        )
        let late = try await order(
            s,
            "Fin de matinée",
            program: "multiboulot",
            days: "mon",
            time: "10:00-13:00",
            from: day(7),
            to: day(7)
        )
        for _ in 0..<3 {
            let first = try #require(morning[day(7)])
            let second = try #require(late[day(7)])
            async let one = assign(s, adult, first)
            async let two = assign(s, adult, second)
            let results = try await [one, two]
            #expect(results.map(\.status).sorted() == [0, 67], "\(results.map(\.output))")
            #expect(results.contains { $0.output.contains("overlap") })
            let winner = results[0].status == 0 ? first : second
            try await s.json(["unassign", "\(adult)", "\(winner)"])
        }
        await s.daemon.stop()
    }

    @Test func shiftsKeepTheirLocalTimesAcrossAChangeOfTheClocks() async throws {
        let zone = TimeZone(identifier: "America/Toronto")!
        let transition = try #require(zone.nextDaylightSavingTimeTransition(after: Date()))
        let change = day(0, from: transition)
        let weekBefore = day(-7, from: transition)
        let s = try await session()
        try await registry(s)
        let sundays = try await order(
            s,
            "Dimanche",
            program: "multiboulot",
            days: "sun",
            time: "08:00-12:00",
            from: weekBefore,
            to: change
        )
        #expect(sundays.keys.sorted() == [weekBefore, change])
        let night = try await order(
            s,
            "Nuit",
            program: "multiboulot",
            days: "sun",
            time: "01:00-04:00",
            from: change,
            to: change
        )
        var starts: [String: Date] = [:]
        let list = try await s.json(["shift", "list", "--from", weekBefore, "--to", change])
        for shift in list["shifts"] as? [[String: Any]] ?? [] where shift["title"] as? String == "Dimanche" {
            #expect(shift["start"] as? String == "08:00", "the local time stays 08:00")
            starts[shift["date"] as! String] = ISO8601DateFormatter().date(from: shift["starts_at"] as! String)
        }
        let before = try #require(starts[weekBefore])
        let after = try #require(starts[change])
        #expect(abs(after.timeIntervalSince(before) - 7 * 86_400) == 3600, "one hour less or more in UTC")
        let nightShift = try await s.json(["shift", "show", "\(try #require(night[change]))"])
        let minutes = try #require(nightShift["minutes"] as? Int)
        #expect(
            minutes == 120 || minutes == 240,
            "01:00–04:00 across the change lasts 2 or 4 real hours, not \(minutes) min"
        )
        await s.daemon.stop()
    }

    @Test func aCSVWithOneBadLineImportsNothingAndNamesTheLine() async throws {
        let s = try await session()
        try await registry(s)
        let bad = try s.file(
            "participants.csv",
            """
            given_name,family_name,birth_date,sector,availability
            Emma,Lefèbvre,2009-12-20,nord,mon 16:00-19:00
            Noah,Côté,2012-02-30,nord,
            Adam,Diallo,2012-01-25,sud,
            """
        )
        let refused = try await s.ctl(["participant", "import", bad])
        #expect(refused.status == 65, "\(refused.output)")
        #expect(
            refused.output.contains("line 3: birth_date: \"2012-02-30\" is not a YYYY-MM-DD date"),
            "\(refused.output)"
        )
        #expect(refused.output.contains("line 4: sector: there is no sector sud"), "\(refused.output)")
        let none = try await s.json(["participant", "list"])
        #expect((none["participants"] as? [Any])?.isEmpty == true, "nothing was imported")

        let good = try s.file(
            "good.csv",
            "given_name,family_name,birth_date,sector\nEmma,Lefèbvre,2009-12-20,nord\nNoah,Côté,2012-02-28,nord\n"
        )
        let imported = try await s.json(["participant", "import", good])
        #expect(imported["added"] as? Int == 2)
        let found = try await s.json(["participant", "list", "--search", "lefebvre"])
        let names = (found["participants"] as? [[String: Any]] ?? []).map { $0["family_name"] as? String }
        #expect(names == ["Lefèbvre"], "accent-insensitive search")
        let cote = try await s.json(["participant", "list", "--search", "COTE noah"])
        #expect((cote["participants"] as? [Any])?.count == 1)

        let exported = try await s.ctl(["participant", "export", "--sector", "nord"])
        #expect(
            exported.status == 0 && exported.output.hasPrefix("id,given_name,family_name,birth_date"),
            "\(exported.output)"
        )
        #expect(exported.output.contains("Lefèbvre"))
        try await s.database.withPool { pool throws in
            let events = try await pool.query(
                "SELECT count(*) FROM audit_log WHERE action = 'event' AND operation = 'exportParticipants'"
            ).value(Int.self)
            #expect(events == 1, "the export is in the audit log")
        }
        await s.daemon.stop()
    }
}
