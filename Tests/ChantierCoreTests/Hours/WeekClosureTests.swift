import ChantierCore
import Testing

@Suite("What a site's week accepts in each state")
struct WeekClosureTests {
    let week = WeekClosure.week(of: LocalDate(year: 2026, month: 11, day: 18)!)

    func closure(_ status: WeekClosure.Status, flagged: Int = 0) -> WeekClosure {
        WeekClosure(siteCode: "parc", week: week, status: status, entries: 4, flaggedEntries: flagged)
    }

    @Test func submittingApprovingAndReopeningFollowTheStates() {
        #expect(closure(.open).refusal(of: .submit) == nil)
        #expect(closure(.reopened).refusal(of: .submit) == nil)
        #expect(closure(.approved).refusal(of: .submit) == "parc's week 2026-W47 is approved already")
        #expect(closure(.submitted).refusal(of: .approve(acknowledgement: nil)) == nil)
        #expect(closure(.open).refusal(of: .approve(acknowledgement: nil))?.contains("not submitted") == true)
        #expect(closure(.approved).refusal(of: .approve(acknowledgement: "ok"))?.contains("approved already") == true)
        #expect(closure(.approved).refusal(of: .reopen) == nil)
        #expect(closure(.submitted).refusal(of: .reopen) == nil)
        #expect(closure(.open).refusal(of: .reopen) == "parc's week 2026-W47 is open already")
    }

    @Test func aWeekWithFlaggedEntriesIsApprovedOnlyWithAnAcknowledgement() {
        let flagged = closure(.submitted, flagged: 2)
        #expect(
            flagged.refusal(of: .approve(acknowledgement: nil))?.contains("2 entries of the week broke rules") == true
        )
        #expect(flagged.refusal(of: .approve(acknowledgement: "  ")) != nil)
        #expect(flagged.refusal(of: .approve(acknowledgement: "seen, talked to the supervisor")) == nil)
    }
}
