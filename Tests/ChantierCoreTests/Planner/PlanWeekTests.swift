import Testing

@testable import ChantierCore

/// A week built from the registry's facts for the planner: the instance says exactly who may take
/// what, the rules' limits become caps, and the plan is checked again as a whole. The week is
/// Monday 2026-11-23 to Sunday 2026-11-29, with class every weekday (08:15–15:30).
@Suite("Planning a week from the registry")
struct PlanWeekTests {
    let fixtures = AssignmentCheckTests()
    let monday = Fixtures.date("2026-11-23")

    func job(_ id: Int, on day: String, _ from: Int, _ to: Int, program: String? = "agir-ensemble") -> PlanWeek.Job {
        var shift = fixtures.shift(on: day, from, to, headcount: 1, program: program)
        shift.id = id
        return PlanWeek.Job(
            shift: shift,
            task: TaskKind(id: 1, code: "hand-cleanup", name: "Nettoyage", minimumAge: 13),
            adultSupervision: true
        )
    }

    func week(_ jobs: [PlanWeek.Job], existing: [WorkInterval] = []) -> PlanWeek {
        let youth = fixtures.participant(windows: ["tue 16:00-20:00", "wed 09:00-20:00", "sat 09:00-20:00"])
        return PlanWeek(
            monday: monday,
            jobs: jobs,
            people: [
                PlanWeek.Person(
                    participant: youth,
                    programs: [AssignmentCheckTests.agir, AssignmentCheckTests.uncapped],
                    calendar: AssignmentCheckTests.calendar,
                    existing: existing
                )
            ]
        )
    }

    @Test func theInstanceSaysWhoMayTakeWhatAndTheRulesBecomeCaps() throws {
        let jobs = [
            job(1, on: "2026-11-24", 16, 18),
            job(2, on: "2026-11-25", 10, 12),
            job(3, on: "2026-11-25", 16, 19),
            // Inside the window of shift 3, but for a program she is not enrolled in.
            job(4, on: "2026-11-25", 17, 18, program: "open"),
        ]
        let compiled = week(jobs).compile()
        let person = try #require(compiled.instance.participants.first)
        let tuesday = 1440 + 16 * 60
        let wednesday = 2 * 1440 + 16 * 60
        #expect(
            person.allowed == [
                .init(start: tuesday, end: tuesday + 120), .init(start: wednesday, end: wednesday + 180),
            ]
        )
        #expect(compiled.instance.shifts[3].skills == ["chantier:shift-4"])
        #expect(!person.skills.contains("chantier:shift-4"))
        #expect(compiled.eligible == [[0], [], [0], []])
        #expect(compiled.refusals[1] == ["QC-SCHOOL-HOURS": 1])
        #expect(compiled.refusals[3] == ["not-enrolled": 1])
        // Agir's 6 h of work a week binds before the law's 17 h.
        #expect(person.weekMaxMinutes == 360)
        #expect(person.fixed.isEmpty)

        let proposal = week(jobs).propose(work: 200_000, seed: 1)
        #expect(Set(proposal.placements.map(\.shiftID)) == [1, 3])
        #expect(proposal.refusals.isEmpty)
        let classHours = try #require(proposal.shifts.first { $0.shiftID == 2 })
        #expect(classHours.reason == "nobody may take it: 1 QC-SCHOOL-HOURS")
        #expect(proposal.people.first?.proposedMinutes == 300)
    }

    @Test func existingWorkIsFixedAndCountsAgainstTheCaps() throws {
        let monday = WorkInterval(
            start: LocalDateTime(date: Fixtures.date("2026-11-23"), time: LocalTime(hour: 16)!),
            end: LocalDateTime(date: Fixtures.date("2026-11-23"), time: LocalTime(hour: 20)!)
        )
        let plannedWeek = week(
            [job(1, on: "2026-11-24", 16, 18), job(3, on: "2026-11-25", 16, 19)],
            existing: [monday]
        )
        let person = try #require(plannedWeek.compile().instance.participants.first)
        #expect(person.fixed == [.init(start: 16 * 60, end: 20 * 60)])
        // 4 h already worked: 2 h of the 6 h remain, so the 2-hour shift fits and the 3-hour one does not.
        #expect(person.weekMaxMinutes == 360)
        let proposal = plannedWeek.propose(work: 200_000, seed: 1)
        #expect(proposal.placements.map(\.shiftID) == [1])
        #expect(proposal.people.first?.fixedMinutes == 240)
    }

    @Test func aPlanBreakingARuleOfTheWholeDayIsCheckedAgainAndTrimmed() throws {
        // Two touching Saturday shifts: each is lawful alone, together they are 6 h without a meal.
        let jobs = [job(5, on: "2026-11-28", 13, 16), job(6, on: "2026-11-28", 16, 19)]
        let proposal = week(jobs).propose(work: 200_000, seed: 1)
        #expect(proposal.placements.map(\.shiftID) == [5])
        let refusal = try #require(proposal.refusals.first)
        #expect(refusal.shiftID == 6 && refusal.reason.contains("QC-MEAL-30MIN-5H"))
        #expect(proposal.shifts.first { $0.shiftID == 6 }?.reason != nil)
    }

    @Test func theScheduleProposesNextWeekFromItsMomentOn() {
        let schedule = PlanSchedule(moment: .init(weekday: .thursday, time: LocalTime(hour: 18)!))
        let thursday = Fixtures.date("2026-11-26")
        #expect(schedule.weekDue(at: LocalDateTime(date: thursday, time: LocalTime(hour: 17, minute: 59)!)) == nil)
        #expect(
            schedule.weekDue(at: LocalDateTime(date: thursday, time: LocalTime(hour: 18)!))
                == Fixtures.date("2026-11-30")
        )
        #expect(
            schedule.weekDue(at: LocalDateTime(date: Fixtures.date("2026-11-29"), time: LocalTime(hour: 23)!))
                == Fixtures.date("2026-11-30")
        )
        #expect(
            schedule.weekDue(at: LocalDateTime(date: Fixtures.date("2026-11-30"), time: LocalTime(hour: 9)!)) == nil
        )
    }

    @Test func availabilityWindowsOfADayFollowItsExceptions() {
        let date = Fixtures.date("2026-11-24")
        var availability = Availability(windows: [WeeklyWindow(text: "tue 09:00-17:00")!])
        #expect(availability.windows(on: date) == [540..<1020])
        availability.exceptions = [
            .init(date: date, available: false, start: LocalTime(hour: 12)!, end: LocalTime(hour: 13)!)
        ]
        #expect(availability.windows(on: date) == [540..<720, 780..<1020])
        availability.exceptions.append(
            .init(date: date, available: true, start: LocalTime(hour: 18)!, end: LocalTime(hour: 20)!)
        )
        #expect(availability.windows(on: date) == [540..<720, 780..<1020, 1080..<1200])
        availability.exceptions.append(.init(date: date, available: false))
        #expect(availability.windows(on: date).isEmpty)
        #expect(Availability().windows(on: date) == [0..<1440])
    }
}
