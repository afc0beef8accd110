import Testing

@testable import ChantierCore

/// Manual assignment's checks. The week of Sunday 2026-11-22 has class every weekday (Québec,
/// 08:15–15:30); the shift is on Tuesday 2026-11-24, 16:00–18:00, unless a test says otherwise.
@Suite("The check of an assignment")
struct AssignmentCheckTests {
    let date = Fixtures.date

    static let calendar: SchoolCalendarRecord = {
        let hours = ClassHours(start: LocalTime(hour: 8, minute: 15)!, end: LocalTime(hour: 15, minute: 30)!)
        let days = Fixtures.classDays(
            "2026-08-27",
            "2027-06-23",
            withoutRanges: [("2026-12-19", "2027-01-03")],
            hours: hours
        )
        return SchoolCalendarRecord(
            id: 1,
            code: "csdr",
            name: "CSDR",
            jurisdiction: .quebec,
            classHours: hours,
            content: SchoolCalendarContent(
                knownRange: DateRange(Fixtures.date("2026-07-01"), Fixtures.date("2027-08-31")),
                classDays: days.mapValues { _ in nil },
                schoolYearLastDays: [Fixtures.date("2027-06-23")]
            )
        )
    }()

    static let agir = Program(
        id: 1,
        code: "agir-ensemble",
        name: "Agir ensemble",
        audience: .youth,
        rulePack: .quebec,
        employerCategory: .npoSocialCommunity,
        minimumAge: 13,
        maximumAge: 17,
        policies: [
            .init(
                effectiveFrom: Fixtures.date("2026-01-01"),
                policy: ProgramPolicy(
                    id: "agir-ensemble",
                    audience: .youth,
                    caps: [.init(rule: RuleID("AGIR-SCHOOLYEAR-WORK-6H"), season: .schoolYear, workMinutesPerWeek: 360)]
                )
            )
        ]
    )

    static let uncapped = Program(
        id: 2,
        code: "open",
        name: "Open",
        audience: .youth,
        rulePack: .quebec,
        employerCategory: .npoSocialCommunity,
        policies: [.init(effectiveFrom: Fixtures.date("2026-01-01"), policy: ProgramPolicy(id: "open"))]
    )

    func shift(
        on day: String = "2026-11-24",
        _ from: Int = 16,
        _ to: Int = 18,
        headcount: Int = 2,
        program: String? = "agir-ensemble",
        skills: [String] = [],
        assigned: [Int] = []
    ) -> Shift {
        let start = LocalDateTime(date: date(day), time: LocalTime(hour: from)!)
        let end = LocalDateTime(date: date(day), time: LocalTime(hour: to)!)
        return Shift(
            id: 42,
            orderID: 1,
            title: "Corvée",
            siteCode: "parc",
            siteName: "Parc",
            sectorCode: "nord",
            taskCode: "hand-cleanup",
            programCode: program,
            date: date(day),
            start: start,
            end: end,
            minutes: (to - from) * 60,
            startUTC: start,
            endUTC: end,
            headcount: headcount,
            requiredSkills: skills,
            assignments: assigned.map {
                Assignment(id: $0, shiftID: 42, participantID: $0, participantName: "P\($0)", status: .assigned)
            }
        )
    }

    func participant(
        born: String = "2011-03-14",
        programs: [String] = ["agir-ensemble"],
        calendar: Bool = true,
        windows: [String] = [],
        skills: [Participant.Skill] = [],
        consents: [Consent] = []
    ) -> Participant {
        Participant(
            id: 7,
            profile: Participant.Profile(
                givenName: "Léa",
                familyName: "Tremblay",
                birthDate: date(born),
                calendarCode: calendar ? "csdr" : nil,
                schoolStatus: .attending,
                skills: skills,
                availability: Availability(windows: windows.compactMap(WeeklyWindow.init(text:)))
            ),
            consents: consents,
            enrollments: programs.enumerated().map {
                Enrollment(id: $0.offset, programCode: $0.element, startsOn: date("2026-09-01"))
            }
        )
    }

    func check(
        _ shift: Shift,
        _ participant: Participant,
        task: TaskKind = TaskKind(id: 1, code: "hand-cleanup", name: "Nettoyage", minimumAge: 13),
        programs: [Program] = [agir],
        calendar: Bool = true,
        existing: [String] = [],
        overlapping: [Int] = []
    ) -> AssignmentCheck {
        AssignmentCheck(
            AssignmentCase(
                shift: shift,
                task: task,
                adultSupervision: true,
                participant: participant,
                programs: programs,
                calendar: calendar ? Self.calendar : nil,
                existing: existing.map { Fixtures.interval($0) },
                overlappingShiftIDs: overlapping
            )
        )
    }

    func kinds(_ check: AssignmentCheck) -> [String] {
        check.problems.map { $0.rule?.rawValue ?? $0.kind.rawValue }
    }

    @Test func aLawfulShiftIsAllowedAndSaysWhatIsLeft() {
        let result = check(shift(), participant())
        #expect(result.allowed)
        #expect(result.remainingWeekMinutesAfter == 240, "6 h a week less this 2 h shift")
    }

    @Test func theStructuralChecksNameTheirKind() {
        #expect(kinds(check(shift(headcount: 1, assigned: [3]), participant())) == ["shift-full"])
        #expect(kinds(check(shift(), participant(), overlapping: [41])) == ["overlap"])
        #expect(kinds(check(shift(), participant(windows: ["sat 09:00-12:00"]))) == ["not-available"])
        #expect(kinds(check(shift(skills: ["first-aid"]), participant())) == ["missing-skill"])
        let expired = participant(skills: [Participant.Skill(name: "first-aid", certifiedUntil: date("2026-11-01"))])
        #expect(
            check(shift(skills: ["first-aid"]), expired).problems.first?.message
                == "Léa Tremblay's first-aid expired on 2026-11-01"
        )
        let mower = TaskKind(id: 2, code: "lawn-mowing", name: "Tonte", equipment: ["power_mower"], minimumAge: 16)
        let young = check(shift(), participant(), task: mower)
        #expect(kinds(young) == ["below-minimum-age"])
        #expect(young.problems[0].message.contains("lawn-mowing (power_mower) needs someone aged 16"))
        #expect(kinds(check(shift(), participant(programs: []))) == ["not-enrolled"])
        #expect(kinds(check(shift(), participant(calendar: false), calendar: false)) == ["calendar-missing"])
        #expect(kinds(check(shift(on: "2027-09-14"), participant())) == ["calendar-not-covering"])
        #expect(kinds(check(shift(), participant(), overlapping: [])).isEmpty)
    }

    @Test func alreadyOnTheShiftOrCancelledStopsAtOnce() {
        var cancelled = shift()
        cancelled.status = .cancelled
        #expect(kinds(check(cancelled, participant())) == ["shift-cancelled"])
        #expect(kinds(check(shift(assigned: [7]), participant())) == ["already-assigned"])
    }

    @Test func classHoursOnAClassDayBreakTheLaw() {
        let result = check(shift(on: "2026-11-24", 14, 16), participant(born: "2012-04-10"))
        #expect(result.rules == [RuleID("QC-SCHOOL-HOURS")])
        #expect(
            check(shift(on: "2026-12-22", 14, 16), participant(born: "2012-04-10")).allowed,
            "the Holidays are exempt"
        )
    }

    @Test func theProgramCapBindsBeforeTheLaw() {
        let week = ["2026-11-23 16:00-18:00", "2026-11-25 16:00-18:00"]
        #expect(check(shift(), participant(), existing: week).allowed, "exactly 6 h")
        let over = check(shift(on: "2026-11-24", 16, 19), participant(), existing: week)
        #expect(over.rules == [RuleID("AGIR-SCHOOLYEAR-WORK-6H")])
    }

    @Test func aWeekAtTheLegalCapIsRefusedWithTheLawsRule() {
        let week = ["2026-11-22 08:00-16:00", "2026-11-23 16:00-17:00", "2026-11-28 08:00-16:00"]
        let result = check(
            shift(program: "open"),
            participant(programs: ["open"]),
            programs: [Self.uncapped],
            existing: week
        )
        #expect(result.rules == [RuleID("QC-WEEK-17H")], "17 h already, 2 more")
    }

    @Test func aThirteenYearOldNeedsTheConsentFormWithinItsScope() {
        let thirteen = "2013-05-14"
        #expect(check(shift(), participant(born: thirteen)).rules == [RuleID("QC-U14-CONSENT")])
        let consent = Consent(
            id: 1,
            kind: .quebecUnder14,
            signedOn: date("2026-09-02"),
            expiresOn: date("2027-05-13"),
            maxMinutesPerWeek: 300,
            tasks: ["hand-cleanup"]
        )
        #expect(check(shift(), participant(born: thirteen, consents: [consent])).allowed)
        var revoked = consent
        revoked.revokedOn = date("2026-11-20")
        #expect(check(shift(), participant(born: thirteen, consents: [revoked])).rules == [RuleID("QC-U14-CONSENT")])
        let painting = TaskKind(id: 3, code: "snow-removal", name: "Déneigement", minimumAge: 13)
        #expect(
            check(shift(), participant(born: thirteen, consents: [consent]), task: painting).rules
                == [RuleID("QC-U14-CONSENT-SCOPE")]
        )
    }

    @Test func aClockChangeInsideTheShiftCountsItsRealMinutes() {
        let start = LocalDateTime(date: date("2026-11-01"), time: LocalTime(hour: 0)!)
        let end = LocalDateTime(date: date("2026-11-01"), time: LocalTime(hour: 3)!)
        let interval = WorkInterval.real(start: start, end: end, minutes: 240, kind: .work)
        #expect(interval.minutes == 240)
        #expect(interval.clockChange == .init(date: date("2026-11-01"), minutes: 60))
        #expect(WorkInterval.real(start: start, end: end, minutes: 180, kind: .work).clockChange == nil)
    }
}
