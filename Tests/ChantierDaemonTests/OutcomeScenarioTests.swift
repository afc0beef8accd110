import ChantierTestSupport
import Foundation
import Testing

/// Outcomes through the `chantierctl` binary against a real daemon and database.
@Suite("Outcomes through chantierctl", .timeLimit(.minutes(3)))
struct OutcomeScenarioTests: ScenarioTests {
    let monday: Date
    let calendar: Calendar

    init() {
        (calendar, monday) = Self.monday(daysFromToday: -27)
    }

    @Test func outcomesFollowTheEnrollmentAndAreCheckedListedAndShown() async throws {
        let s = try await session()
        try await registry(s)
        let adult = try await participant(s, "Martin", "Pelletier", born: "1978-06-03", school: false)
        let youth = try await participant(s, "Léa", "Tremblay", born: day(-(16 * 365 + 100)), school: true)
        try await s.json(["enroll", "\(adult)", "multiboulot", "--on", "2026-01-05"])
        try await s.json(["enroll", "\(youth)", "agir-ensemble", "--on", "2026-01-05"])
        try await s.json(["exit", "\(adult)", "multiboulot", "--on", day(0), "--reason", "job_found"])

        // A job found: the outcome follows the Multiboulot enrollment by default.
        let employed = try await s.json([
            "outcome", "record", "\(adult)", "--situation", "employed_full_time", "--on", day(3), "--source",
            "verified",
            "--note", "paysagiste",
        ])
        #expect(employed["program"] as? String == "multiboulot")
        #expect(employed["situation"] as? String == "employed_full_time")
        #expect(employed["recorded_by"] as? String != nil)

        // A diploma needs its level, and only a diploma has one; the future is not an outcome.
        let noLevel = try await s.ctl([
            "outcome", "record", "\(youth)", "--situation", "diploma_obtained", "--on", day(1), "--source", "verified",
        ])
        #expect(noLevel.status == 65 && noLevel.output.contains("say which diploma"), "\(noLevel.output)")
        let strayLevel = try await s.ctl([
            "outcome", "record", "\(youth)", "--situation", "in_school_stayed", "--diploma", "college", "--on", day(1),
            "--source", "self_reported",
        ])
        #expect(strayLevel.status == 65, "\(strayLevel.output)")
        let future = try await s.ctl([
            "outcome", "record", "\(youth)", "--situation", "in_school_stayed", "--on", day(60, from: Date()),
            "--source", "self_reported",
        ])
        #expect(future.status == 65 && future.output.contains("in the future"), "\(future.output)")
        let otherEnrollment = try await s.ctl([
            "outcome", "record", "\(youth)", "--situation", "in_school_stayed", "--on", day(1), "--source",
            "self_reported", "--enrollment", "999",
        ])
        #expect(otherEnrollment.status == 65 && otherEnrollment.output.contains("enrollment 999"))
        let diploma = try await s.json([
            "outcome", "record", "\(youth)", "--situation", "diploma_obtained", "--diploma", "secondary", "--on",
            day(1),
            "--source", "verified",
        ])
        #expect(diploma["diploma_level"] as? String == "secondary")
        #expect(diploma["program"] as? String == "agir-ensemble")

        // Listed by program and period, shown one by one.
        let byProgram = try await s.json(["outcome", "list", "--program", "agir-ensemble"])
        #expect((byProgram["outcomes"] as? [[String: Any]])?.map { $0["participant_id"] as? Int } == [youth])
        let inPeriod = try await s.json(["outcome", "list", "--from", day(2), "--to", day(6)])
        #expect((inPeriod["outcomes"] as? [[String: Any]])?.map { $0["participant_id"] as? Int } == [adult])
        let id = try #require(diploma["id"] as? Int)
        let shown = try await s.ctl(["outcome", "show", "\(id)"])
        #expect(shown.status == 0 && shown.output.contains("diploma_obtained (secondary)"), "\(shown.output)")
        #expect(try await s.ctl(["outcome", "show", "424242"]).status == 66)
        await s.daemon.stop()
    }
}
