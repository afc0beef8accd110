import ChantierTestSupport
import Foundation
import Testing

/// The weekly plan through the `chantierctl` binary against a real daemon and database: proposed
/// within the rules, reviewed, diffed, committed with every placement checked again, discarded.
@Suite("Planning a week through chantierctl", .timeLimit(.minutes(5)))
struct PlanScenarioTests: ScenarioTests {
    let monday: Date
    let calendar: Calendar

    init() {
        (calendar, monday) = Self.monday(daysFromToday: 8)
    }

    /// `2026-W48` for the week of `monday`.
    var week: String {
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = calendar.timeZone
        let parts = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: monday)
        return String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
    }

    /// A youth at school in Agir ensemble (6 h of work a week at most in the school year), an
    /// adult in Multiboulot with a confirmed Monday shift, evening and class-hour shifts.
    private func aWeek(_ s: Session) async throws -> (youth: Int, adult: Int, evenings: [String: Int], monday: Int) {
        try await registry(s)
        let youth = try await participant(s, "Léa", "Tremblay", born: day(-(15 * 365 + 100)), school: true)
        let adult = try await participant(s, "Martin", "Pelletier", born: "1978-06-03", school: false)
        try await s.json(["enroll", "\(youth)", "agir-ensemble", "--on", day(-30, from: Date())])
        try await s.json(["enroll", "\(adult)", "multiboulot", "--on", day(-30, from: Date())])
        let evenings = try await order(
            s,
            "Corvée",
            program: "agir-ensemble",
            days: "mon,tue,wed,thu,fri",
            time: "16:00-19:00",
            from: day(0),
            to: day(6),
            headcount: 1
        )
        _ = try await order(
            s,
            "Classe",
            program: "agir-ensemble",
            days: "wed",
            time: "10:00-12:00",
            from: day(0),
            to: day(6),
            headcount: 1
        )
        let mornings = try await order(
            s,
            "Matin",
            program: "multiboulot",
            days: "mon,tue",
            time: "09:00-12:00",
            from: day(0),
            to: day(6),
            headcount: 1
        )
        let mondayShift = try #require(mornings[day(0)])
        #expect(try await assign(s, adult, mondayShift).status == 0)
        try await s.json(["confirm", "\(adult)", "\(mondayShift)"])
        return (youth, adult, evenings, mondayShift)
    }

    private func placements(_ plan: [String: Any]) -> [(participant: Int, shift: Int)] {
        (plan["placements"] as? [[String: Any]] ?? []).map {
            ($0["participant_id"] as! Int, ($0["shift"] as! [String: Any])["id"] as! Int)
        }
    }

    @Test func aProposalKeepsTheRulesExplainsOpenPlacesAndCommitsIntoAssignments() async throws {
        let s = try await session()
        let (youth, adult, evenings, mondayShift) = try await aWeek(s)
        let plan = try await s.json(["plan", "propose", "--week", week, "--seconds", "1"])
        #expect(plan["status"] as? String == "proposed")
        let placed = placements(plan)
        // The youth gets two of the five evenings: the program's 6 h a week of work, no more.
        let youthShifts = placed.filter { $0.participant == youth }.map(\.shift)
        #expect(youthShifts.count == 2, "\(placed)")
        #expect(Set(youthShifts).isSubset(of: Set(evenings.values)))
        // The adult's confirmed Monday stays as it is; Tuesday's morning is proposed.
        #expect(placed.filter { $0.participant == adult }.count == 1)
        #expect(!placed.contains { $0.shift == mondayShift })
        let people = plan["people"] as? [[String: Any]] ?? []
        let adultLine = try #require(people.first { $0["participant_id"] as? Int == adult })
        #expect(adultLine["fixed_minutes"] as? Int == 180)
        // Nobody may take the class-hour shift, and the review says why.
        let lines = plan["shifts"] as? [[String: Any]] ?? []
        let classHours = try #require(lines.first { ($0["shift"] as? [String: Any])?["title"] as? String == "Classe" })
        #expect(classHours["proposed"] as? Int == 0)
        let reason = classHours["reason"] as? String ?? ""
        #expect(reason.contains("QC-SCHOOL-HOURS") && reason.contains("not-enrolled"), "\(reason)")

        let shown = try await s.ctl(["plan", "show", "--week", week])
        #expect(shown.status == 0)
        #expect(shown.output.contains("Shifts with places left open") && shown.output.contains("QC-SCHOOL-HOURS"))

        let diff = try await s.json(["plan", "diff", "--week", week])
        let changes = (diff["lines"] as? [[String: Any]] ?? []).compactMap { $0["change"] as? String }
        #expect(changes.count == placed.count && changes.allSatisfy { $0 == "add" }, "\(changes)")

        let committed = try await s.json(["plan", "commit", "--week", week])
        #expect((committed["plan"] as? [String: Any])?["status"] as? String == "committed")
        let roster = try await s.json(["shift", "list", "--from", day(0), "--to", day(6)])
        var bySource: [String: Int] = [:]
        var mondayStatus: String?
        for shift in roster["shifts"] as? [[String: Any]] ?? [] {
            for assignment in shift["assignments"] as? [[String: Any]] ?? [] {
                bySource[assignment["source"] as? String ?? "", default: 0] += 1
                if shift["id"] as? Int == mondayShift { mondayStatus = assignment["status"] as? String }
            }
        }
        #expect(bySource == ["planner": placed.count, "manual": 1], "\(bySource)")
        #expect(mondayStatus == "confirmed")
        let again = try await s.ctl(["plan", "commit", "--week", week])
        #expect(again.status == 66, "nothing waits any more: \(again.output)")
    }

    @Test func commitRechecksAndRefusesWhatBecameUnlawful() async throws {
        let s = try await session()
        let (youth, _, evenings, _) = try await aWeek(s)
        let plan = try await s.json(["plan", "propose", "--week", week, "--seconds", "1"])
        let proposed = Set(placements(plan).filter { $0.participant == youth }.map(\.shift))
        #expect(proposed.count == 2)
        // Since the proposal, a coordinator put the youth on a third evening: 9 h, over the 6 h.
        let third = try #require(evenings.values.sorted().first { !proposed.contains($0) })
        #expect(try await assign(s, youth, third).status == 0)

        let diff = try await s.json(["plan", "diff", "\(plan["id"] as! Int)"])
        let conflicts = (diff["lines"] as? [[String: Any]] ?? []).filter { $0["change"] as? String == "conflict" }
        #expect(!conflicts.isEmpty)
        #expect(conflicts.allSatisfy { ($0["reason"] as? String)?.contains("AGIR-SCHOOLYEAR-WORK-6H") == true })

        let refused = try await s.ctl(["plan", "commit", "\(plan["id"] as! Int)"])
        #expect(refused.status == 67 && refused.output.contains("[plan-stale]"), "\(refused.output)")
        #expect(refused.output.contains("AGIR-SCHOOLYEAR-WORK-6H"))
        let roster = try await s.json(["shift", "list", "--from", day(0), "--to", day(6)])
        let planned = (roster["shifts"] as? [[String: Any]] ?? []).flatMap {
            ($0["assignments"] as? [[String: Any]] ?? []).filter { $0["source"] as? String == "planner" }
        }
        #expect(planned.isEmpty, "a refused commit changes nothing")
        #expect(try await s.json(["plan", "show", "\(plan["id"] as! Int)"])["status"] as? String == "proposed")

        // Committing what is still possible leaves out only the conflicts.
        let partial = try await s.json(["plan", "commit", "\(plan["id"] as! Int)", "--skip-refused"])
        let lines = partial["lines"] as? [[String: Any]] ?? []
        #expect(lines.filter { $0["change"] as? String == "conflict" }.count == conflicts.count)
        #expect(lines.filter { $0["change"] as? String == "add" }.count == lines.count - conflicts.count)
    }

    @Test func theDatabasePathGivesTheFilePathsPlanAndProposalsSupersedeAndDiscard() async throws {
        let s = try await session()
        _ = try await aWeek(s)
        let first = try await s.json(["plan", "propose", "--week", week, "--work", "400000", "--seed", "7"])
        let id = try #require(first["id"] as? Int)
        let instance = s.directory.appending(path: "week.json").path
        let exported = try await s.ctl(["plan", "instance", "\(id)", "--output", instance])
        #expect(exported.status == 0, "\(exported.output)")
        let solution = s.directory.appending(path: "solution.json").path
        let run = try await ChildProcess.run(
            BuiltProducts.path(of: "chantierd"),
            ["plan", instance, "--work", "400000", "--seed", "7", "--output", solution]
        )
        #expect(run.status == 0, "\(run.output)")
        let document = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(filePath: solution))) as? [String: Any]
        )
        let offline = Set(
            (document["assignments"] as? [[String: String]] ?? []).map { "\($0["participant"]!)/\($0["shift"]!)" }
        )
        let refusals = (first["refusals"] as? [[String: Any]] ?? []).map {
            "\($0["participant_id"] as! Int)/\(($0["shift"] as! [String: Any])["id"] as! Int)"
        }
        let proposed = Set(placements(first).map { "\($0.participant)/\($0.shift)" } + refusals)
        #expect(!offline.isEmpty && offline == proposed)
        let stats = try #require(document["stats"] as? [String: Any])
        #expect(stats["objective"] as? String == first["objective"] as? String)

        // A new proposal supersedes the waiting one; a discarded one cannot be committed.
        let second = try await s.json(["plan", "propose", "--week", week, "--seconds", "1"])
        #expect(try await s.json(["plan", "show", "\(id)"])["status"] as? String == "superseded")
        let discarded = try await s.json(["plan", "discard", "--week", week])
        #expect(discarded["id"] as? Int == second["id"] as? Int && discarded["status"] as? String == "discarded")
        let late = try await s.ctl(["plan", "commit", "\(second["id"] as! Int)"])
        #expect(late.status == 67 && late.output.contains("discarded"), "\(late.output)")
        let list = try await s.json(["plan", "list", "--week", week])
        #expect((list["plans"] as? [[String: Any]])?.count == 2)

        // Bad requests change nothing.
        let badWeek = try await s.ctl(["plan", "propose", "--week", "2026-W60"])
        #expect(badWeek.status == 65, "\(badWeek.output)")
        let tooLong = try await s.ctl(["plan", "propose", "--week", week, "--seconds", "100000"])
        #expect(tooLong.status == 65 && tooLong.output.contains("planner.max_seconds"), "\(tooLong.output)")
        #expect((try await s.json(["plan", "list", "--week", week])["plans"] as? [[String: Any]])?.count == 2)
    }

    @Test func theLeaderProposesNextWeekOnScheduleAndAlertsTheCoordinators() async throws {
        let s = try await session(extra: "planner:\n  propose_at: \"monday 00:00\"\n  propose_seconds: 1\n")
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = calendar.timeZone
        let next = iso.date(byAdding: .day, value: 7, to: Date())!
        let parts = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: next)
        let nextWeek = String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
        var plans: [[String: Any]] = []
        for _ in 0..<100 where plans.isEmpty {
            plans = try await s.json(["plan", "list", "--week", nextWeek])["plans"] as? [[String: Any]] ?? []
            if plans.isEmpty { try await Task.sleep(for: .milliseconds(200)) }
        }
        let plan = try #require(plans.first)
        #expect(plan["proposed_by"] as? String == "chantierd")
        let alerts = try await s.json(["alert", "list", "--kind", "plan-proposed"])
        let alert = try #require((alerts["alerts"] as? [[String: Any]])?.first)
        #expect((alert["message"] as? String)?.contains("plan show \(plan["id"] as! Int)") == true)
    }
}
