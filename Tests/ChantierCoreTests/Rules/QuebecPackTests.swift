import Testing

@testable import ChantierCore

/// Québec (rules.md §1). The week of Sunday 2026-11-08 to Saturday 2026-11-14 has class every weekday.
@Suite("Rule pack QC")
struct QuebecPackTests {
    /// 14 in the autumn of 2026, subject to compulsory attendance until June 2028.
    let fourteen = "2012-04-10"
    let thirteen = "2013-09-15"
    let adult = "1990-01-01"

    func check(
        born: String? = nil,
        calendar: SchoolCalendar? = nil,
        context: JobContext = JobContext(),
        options: RulePackOptions = RulePackOptions(),
        policy: ProgramPolicy? = nil,
        existing: [String] = [],
        sessions: [String] = [],
        proposed: String,
        proposedKind: WorkKind = .work
    ) -> ComplianceResult {
        Fixtures.check(
            .quebec,
            born: born ?? fourteen,
            calendar: calendar,
            context: context,
            options: options,
            policy: policy,
            existing: existing,
            sessions: sessions,
            proposed: proposed,
            proposedKind: proposedKind
        )
    }

    // MARK: 10 h Monday to Friday, 17 h a week

    @Test func tenHoursMondayToFridayPassesAndOneMinuteMoreFails() {
        let existing = ["2026-11-09 16:00-18:30", "2026-11-10 16:00-18:30", "2026-11-11 16:00-18:30"]
        #expect(check(existing: existing, proposed: "2026-11-12 16:00-18:30").allowed)
        let over = check(existing: existing, proposed: "2026-11-12 16:00-18:31")
        #expect(over.rules == ["QC-WEEKDAY-10H"])
        #expect(over.violations[0].message.contains("10 h 01 min"))
        #expect(over.violations[0].remediation.contains("end it by 18:30"))
    }

    @Test func seventeenHoursAWeekCountsTheWeekendAndSunday() {
        let weekdays = (9...13).map { Fixtures.on("2026-11", $0, "16:00-18:00") }
        let existing = weekdays + ["2026-11-14 09:00-12:00"]
        #expect(check(existing: existing, proposed: "2026-11-14 12:30-16:30").allowed)
        #expect(check(existing: existing, proposed: "2026-11-14 12:30-16:31").rules == ["QC-WEEK-17H"])
        // The week runs Sunday to Saturday: Sunday the 8th is in it.
        let full = existing + ["2026-11-14 12:30-16:30"]
        #expect(check(existing: full, proposed: "2026-11-08 06:00-06:01").rules == ["QC-WEEK-17H"])
        // A Monday-to-Sunday week moves that Sunday into the previous week.
        let mondayWeeks = Fixtures.quebecCalendar(weekStartsOn: .monday)
        #expect(check(calendar: mondayWeeks, existing: full, proposed: "2026-11-08 06:00-06:01").allowed)
        // Working on the Sunday as well leaves no 32 consecutive hours of rest in that week.
        #expect(
            check(existing: full, proposed: "2026-11-08 10:00-10:01").rules == ["QC-WEEK-17H", "QC-WEEKLY-REST-32H"]
        )
    }

    @Test func mandatoryAwarenessSessionIsWorkTimeForTheLaw() {
        let work = (9...12).map { Fixtures.on("2026-11", $0, "16:00-18:15") }
        #expect(check(existing: work, proposed: "2026-11-13 16:00-17:00", proposedKind: .awarenessSession).allowed)
        let over = check(existing: work, proposed: "2026-11-13 16:00-17:01", proposedKind: .awarenessSession)
        #expect(over.rules == ["QC-WEEKDAY-10H"])
        var options = RulePackOptions()
        options.awarenessSessionIsWorkTime = false
        #expect(
            check(options: options, existing: work, proposed: "2026-11-13 16:00-17:01", proposedKind: .awarenessSession)
                .allowed
        )
    }

    @Test func limitsAreLiftedInExemptPeriodsButNotOnShortBreaks() {
        // Holidays (19 Dec – 3 Jan, 16 days): 8 h days are lawful.
        let holidays = [
            "2026-12-21 08:00-12:00", "2026-12-21 12:30-16:30", "2026-12-22 08:00-12:00", "2026-12-22 12:30-16:30",
        ]
        #expect(check(existing: holidays, proposed: "2026-12-23 08:00-12:00").allowed)
        // Thanksgiving (Fri 9 – Mon 12 October, 4 days) is not exempt: the holiday Monday counts.
        let thanksgiving = ["2026-10-12 09:00-12:00", "2026-10-12 12:30-16:30", "2026-10-13 16:00-18:00"]
        #expect(check(existing: thanksgiving, proposed: "2026-10-14 16:00-17:01").rules == ["QC-WEEKDAY-10H"])
    }

    @Test func aRunOfExactlySevenDaysWithoutClassIsNotExemptButEightIs() {
        // Wed 18 – Tue 24 November without class: 7 days. Wed 18 – Wed 25: 8 days.
        let seven = Fixtures.quebecCalendar(extraDaysOff: [
            "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24",
        ])
        let eight = Fixtures.quebecCalendar(
            extraDaysOff: ["2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24", "2026-11-25"]
        )
        #expect(!seven.isInLongBreak(Fixtures.date("2026-11-23")))
        #expect(eight.isInLongBreak(Fixtures.date("2026-11-23")))
        let existing = ["2026-11-23 09:00-12:00", "2026-11-23 12:30-17:30"]
        #expect(
            check(calendar: seven, existing: existing, proposed: "2026-11-24 09:00-12:00").rules == ["QC-WEEKDAY-10H"]
        )
        #expect(check(calendar: eight, existing: existing, proposed: "2026-11-24 09:00-12:00").allowed)
    }

    @Test func transitionWeeksArePeriodBasedByDefaultAndWeekBasedByOption() {
        // Week of Sun 13 – Sat 19 December 2026: the Holidays start on Saturday the 19th.
        let weekdays = (14...18).map { Fixtures.on("2026-12", $0, "16:00-18:00") }
        let saturday = "2026-12-19 09:00-12:00"
        let existing = weekdays + ["2026-12-19 12:30-17:30"]
        #expect(check(existing: existing, proposed: saturday).allowed)
        var weekBased = RulePackOptions()
        weekBased.quebecTransitionWeeks = .weekBased
        #expect(check(options: weekBased, existing: existing, proposed: saturday).rules == ["QC-WEEK-17H"])
        // First week of school (Thu 27 Aug 2026): the summer days before it do not count.
        let summerDays = [
            "2026-08-24 09:00-12:00", "2026-08-24 12:30-17:30", "2026-08-25 09:00-12:00", "2026-08-25 12:30-17:30",
        ]
        #expect(check(existing: summerDays, proposed: "2026-08-27 16:00-18:00").allowed)
        #expect(
            check(options: weekBased, existing: summerDays, proposed: "2026-08-27 16:00-18:00").rules
                == ["QC-WEEK-17H", "QC-WEEKDAY-10H"]
        )
    }

    @Test func rollingWeeksAreTheCautiousOption() {
        // Two calendar weeks each under 17 h, but 18 h within seven consecutive days.
        let existing = [
            "2026-11-11 16:00-18:00", "2026-11-12 16:00-18:00", "2026-11-13 16:00-18:00", "2026-11-14 09:00-12:00",
            "2026-11-14 12:30-16:30",
            "2026-11-15 09:00-12:00",
        ]
        #expect(check(existing: existing, proposed: "2026-11-16 16:00-18:00").allowed)
        var rolling = RulePackOptions()
        rolling.quebecWeekWindow = .rolling
        #expect(
            check(options: rolling, existing: existing, proposed: "2026-11-16 16:00-18:00").rules == ["QC-WEEK-17H"]
        )
    }

    // MARK: School hours, night, home

    @Test func noWorkDuringClassHoursOnClassDays() {
        #expect(check(proposed: "2026-11-11 10:00-11:00").rules == ["QC-SCHOOL-HOURS"])
        #expect(check(proposed: "2026-11-11 15:30-17:00").allowed)
        #expect(check(proposed: "2026-11-11 07:00-08:15").allowed)
        #expect(check(proposed: "2026-11-11 07:00-08:16").rules == ["QC-SCHOOL-HOURS"])
        // A pedagogical day and a summer day have no class.
        #expect(check(proposed: "2026-10-09 10:00-14:00").allowed)
        #expect(check(proposed: "2027-07-08 10:00-14:00").allowed)
    }

    @Test func noWorkBetween23And06AllYearRound() {
        #expect(check(proposed: "2026-11-14 19:00-23:00").allowed)
        #expect(check(proposed: "2026-11-14 19:00-23:01").rules == ["QC-NIGHT-23-06"])
        #expect(check(proposed: "2026-11-14 06:00-09:00").allowed)
        #expect(check(proposed: "2026-11-14 05:59-09:00").rules == ["QC-NIGHT-23-06"])
        #expect(check(proposed: "2026-11-14 22:00-2026-11-15 01:00").rules == ["QC-NIGHT-23-06"])
        // Summer lifts the hour limits, not the night ban: 15 in July 2027, subject until June 2028.
        #expect(check(born: "2011-09-01", proposed: "2027-07-10 20:00-23:30").rules == ["QC-NIGHT-23-06"])
        // Newspaper delivery is an exception to s. 84.6.
        let delivery = JobContext(employerCategory: .newspaperDelivery)
        #expect(check(born: "2011-05-20", context: delivery, proposed: "2026-11-14 05:00-05:45").allowed)
        #expect(check(born: "2009-08-08", proposed: "2026-11-14 22:00-2026-11-15 01:00").allowed)
        #expect(check(born: adult, proposed: "2026-11-14 22:00-2026-11-15 01:00").allowed)
    }

    @Test func theFamilyResidenceMustBeReachableBefore23() {
        let twentyMinutes = JobContext(travelMinutesToResidence: 20)
        #expect(check(context: twentyMinutes, proposed: "2026-11-14 19:00-22:40").allowed)
        #expect(check(context: twentyMinutes, proposed: "2026-11-14 19:00-22:41").rules == ["QC-HOME-23-06"])
        #expect(check(context: twentyMinutes, proposed: "2026-11-14 06:20-09:00").allowed)
        #expect(check(context: twentyMinutes, proposed: "2026-11-14 06:19-09:00").rules == ["QC-HOME-23-06"])
        // Work inside the night is reported as the night ban only.
        #expect(check(context: twentyMinutes, proposed: "2026-11-14 19:00-23:30").rules == ["QC-NIGHT-23-06"])
    }

    // MARK: Compulsory attendance

    @Test func turningSixteenDuringTheSchoolYearDoesNotLiftTheLimits() {
        // Turned 16 on 2026-11-03: subject until the last day of the 2026–2027 calendar (23 June).
        let born = "2010-11-03"
        #expect(check(born: born, proposed: "2027-02-10 21:00-23:30").rules == ["QC-NIGHT-23-06"])
        #expect(check(born: born, proposed: "2027-06-22 21:00-23:30").rules == ["QC-NIGHT-23-06"])
        #expect(check(born: born, proposed: "2027-06-24 21:00-23:30").allowed)
    }

    @Test func aSixteenthBirthdayAfterTheLastClassDayEndsAttendanceEarlyOnTheLiteralReading() {
        // Turns 16 on 27 June 2027, after the last day of the calendar (23 June): still 15 on the 25th.
        let born = "2011-06-27"
        #expect(check(born: born, proposed: "2027-06-25 21:00-23:30").allowed)
        var cautious = RulePackOptions()
        cautious.quebecEndOfAttendance = .notBeforeSixteenthBirthday
        #expect(check(born: born, options: cautious, proposed: "2027-06-25 21:00-23:30").rules == ["QC-NIGHT-23-06"])
    }

    @Test func aDiplomaEndsCompulsoryAttendance() {
        let result = Fixtures.check(.quebec, born: "2011-05-20", diploma: true, proposed: "2026-11-11 10:00-11:00")
        #expect(result.allowed)
    }

    // MARK: Under 14

    @Test func underFourteenOnlyInTheRegulationsExceptions() {
        let saturday = "2026-11-14 09:00-12:00"
        let consent = JobContext.GuardianConsent(onFile: true)
        #expect(
            check(
                born: thirteen,
                context: JobContext(employerCategory: .forProfit, guardianConsent: consent),
                proposed: saturday
            ).rules == ["QC-MIN-AGE-14"]
        )
        #expect(
            check(born: thirteen, context: JobContext(guardianConsent: consent), proposed: saturday).rules == [
                "QC-MIN-AGE-14"
            ]
        )
        let supervised = JobContext(
            employerCategory: .npoSocialCommunity,
            adultSupervision: true,
            guardianConsent: consent
        )
        #expect(check(born: thirteen, context: supervised, proposed: saturday).allowed)
        var unsupervised = supervised
        unsupervised.adultSupervision = false
        #expect(check(born: thirteen, context: unsupervised, proposed: saturday).rules == ["QC-MIN-AGE-14"])
        #expect(
            check(
                born: thirteen,
                context: JobContext(employerCategory: .newspaperDelivery, guardianConsent: consent),
                proposed: saturday
            ).allowed
        )
    }

    @Test(arguments: [
        (true, true, 9, true),
        (true, true, 10, false),
        (false, true, 5, false),
        (true, false, 5, false),
    ])
    func familyBusinessConditions(childOfEmployer: Bool, supervision: Bool, workers: Int, allowed: Bool) {
        let context = JobContext(
            employerCategory: .familyBusiness,
            workersOnPayroll: workers,
            childOfEmployer: childOfEmployer,
            adultSupervision: supervision,
            guardianConsent: JobContext.GuardianConsent(onFile: true)
        )
        let result = check(born: thirteen, context: context, proposed: "2026-11-14 09:00-12:00")
        #expect(result.allowed == allowed)
        if !allowed { #expect(result.rules == ["QC-MIN-AGE-14"]) }
    }

    @Test func farmWorkFromTwelveUnderConditions() {
        let farm = JobContext(
            employerCategory: .agricultural,
            workersOnPayroll: 4,
            adultSupervision: true,
            guardianConsent: JobContext.GuardianConsent(onFile: true)
        )
        #expect(check(born: "2014-06-01", context: farm, proposed: "2026-11-14 09:00-12:00").allowed)
        #expect(check(born: "2015-06-01", context: farm, proposed: "2026-11-14 09:00-12:00").rules == ["QC-MIN-AGE-14"])
    }

    @Test func theCNESSTConsentFormIsRequiredAndLimitsTheWork() {
        let withoutConsent = JobContext(employerCategory: .npoSocialCommunity, adultSupervision: true)
        #expect(
            check(born: thirteen, context: withoutConsent, proposed: "2026-11-14 09:00-12:00").rules == [
                "QC-U14-CONSENT"
            ]
        )
        var context = withoutConsent
        context.guardianConsent = JobContext.GuardianConsent(onFile: true, maxMinutesPerWeek: 300)
        let existing = ["2026-11-11 16:00-18:00"]
        #expect(check(born: thirteen, context: context, existing: existing, proposed: "2026-11-14 09:00-12:00").allowed)
        #expect(
            check(born: thirteen, context: context, existing: existing, proposed: "2026-11-14 09:00-12:01").rules == [
                "QC-U14-CONSENT-SCOPE"
            ]
        )
        context.task = JobContext.Task(kind: "hand-cleanup")
        context.guardianConsent?.tasks = ["painting"]
        #expect(
            check(born: thirteen, context: context, proposed: "2026-11-14 09:00-10:00").rules == [
                "QC-U14-CONSENT-SCOPE"
            ]
        )
        context.guardianConsent?.tasks = ["hand-cleanup"]
        context.guardianConsent?.availability = [
            JobContext.AvailabilityWindow(weekday: .saturday, start: LocalTime(hour: 9)!, end: LocalTime(hour: 13)!)
        ]
        #expect(check(born: thirteen, context: context, proposed: "2026-11-14 09:00-13:00").allowed)
        #expect(
            check(born: thirteen, context: context, proposed: "2026-11-14 12:00-14:00").rules == [
                "QC-U14-CONSENT-SCOPE"
            ]
        )
    }

    @Test func aFourteenthBirthdayInsideTheWeekAppliesFromThatDay() {
        // Turns 14 on Wednesday 2026-11-11.
        let forProfit = JobContext(employerCategory: .forProfit)
        #expect(
            check(born: "2012-11-11", context: forProfit, proposed: "2026-11-10 16:00-18:00").rules == ["QC-MIN-AGE-14"]
        )
        #expect(check(born: "2012-11-11", context: forProfit, proposed: "2026-11-11 16:00-18:00").allowed)
    }

    @Test func beforeJune2023AConsentWasEnoughUnder14() {
        let calendar = SchoolCalendar(
            weekStartsOn: .sunday,
            knownRange: DateRange(Fixtures.date("2023-01-01"), Fixtures.date("2023-12-31")),
            classDays: [:]
        )
        let forProfit = JobContext(
            employerCategory: .forProfit,
            guardianConsent: JobContext.GuardianConsent(onFile: true)
        )
        #expect(
            check(born: "2010-01-01", calendar: calendar, context: forProfit, proposed: "2023-05-13 09:00-12:00")
                .allowed
        )
        #expect(
            check(
                born: "2010-01-01",
                calendar: calendar,
                context: JobContext(employerCategory: .forProfit),
                proposed: "2023-05-13 09:00-12:00"
            ).rules == ["QC-U14-CONSENT"]
        )
        #expect(
            check(born: "2010-01-01", calendar: calendar, context: forProfit, proposed: "2023-06-03 09:00-12:00").rules
                == ["QC-MIN-AGE-14"]
        )
    }

    @Test func theSeventeenAndTenHourLimitsApplyFromSeptember2023() {
        // The 2023 Act: the hour limits took effect on 1 September 2023 (a Friday).
        let hours = ClassHours(start: LocalTime(hour: 8)!, end: LocalTime(hour: 15)!)
        let calendar = SchoolCalendar(
            weekStartsOn: .sunday,
            knownRange: DateRange(Fixtures.date("2023-08-01"), Fixtures.date("2023-10-31")),
            classDays: Fixtures.classDays("2023-08-28", "2023-10-31", without: ["2023-09-04"], hours: hours)
        )
        let mondayToThursday = (28...31).map { Fixtures.on("2023-08", $0, "15:00-18:00") }
        #expect(
            check(
                born: "2009-01-01",
                calendar: calendar,
                existing: mondayToThursday,
                proposed: "2023-08-31 18:00-19:00"
            ).allowed
        )
        let september = (11...14).map { Fixtures.on("2023-09", $0, "15:00-18:00") }
        #expect(
            check(born: "2009-01-01", calendar: calendar, existing: september, proposed: "2023-09-15 15:00-16:00").rules
                == ["QC-WEEKDAY-10H"]
        )
    }

    // MARK: Every age: weekly rest and meal period

    @Test func thirtyTwoConsecutiveHoursOfRestEachWeek() {
        // An adult working Sunday to Friday; Friday ends at 16:00, leaving exactly 32 h to Sunday 00:00.
        let week =
            (8...12).flatMap { [Fixtures.on("2026-11", $0, "08:00-12:00"), Fixtures.on("2026-11", $0, "12:30-16:30")] }
            + ["2026-11-13 08:00-12:00"]
        #expect(check(born: adult, existing: week, proposed: "2026-11-13 12:30-16:00").allowed)
        let short = check(born: adult, existing: week, proposed: "2026-11-13 12:30-16:01")
        #expect(short.rules == ["QC-WEEKLY-REST-32H"])
        #expect(
            check(born: adult, existing: week + ["2026-11-13 12:30-16:00"], proposed: "2026-11-14 10:00-12:00").rules
                == ["QC-WEEKLY-REST-32H"]
        )
    }

    @Test func aMealPeriodOfThirtyMinutesAfterFiveHours() {
        #expect(check(born: adult, proposed: "2026-11-14 08:00-13:00").allowed)
        #expect(check(born: adult, proposed: "2026-11-14 08:00-13:01").rules == ["QC-MEAL-30MIN-5H"])
        #expect(
            check(born: adult, existing: ["2026-11-14 08:00-11:00"], proposed: "2026-11-14 11:29-13:30").rules == [
                "QC-MEAL-30MIN-5H"
            ]
        )
        #expect(check(born: adult, existing: ["2026-11-14 08:00-11:00"], proposed: "2026-11-14 11:30-14:00").allowed)
        // Across midnight the block is one.
        #expect(check(born: adult, proposed: "2026-11-14 21:00-2026-11-15 03:00").rules == ["QC-MEAL-30MIN-5H"])
    }

    @Test func longDaysForChildrenAreWarningsNotViolations() {
        let result = check(existing: ["2027-07-08 12:30-17:00"], proposed: "2027-07-08 08:00-12:00")
        #expect(result.allowed)
        #expect(result.warnings.map(\.rule) == [.qcDisproportionate])
    }

    @Test func allowancesSayWhatIsLeft() {
        let result = check(
            existing: ["2026-11-09 16:00-19:00", "2026-11-14 09:00-12:00"],
            proposed: "2026-11-10 16:00-17:00"
        )
        #expect(result.remainingMinutes(on: Fixtures.date("2026-11-10")) == 420)
        #expect(result.remainingWeekMinutes(containing: Fixtures.date("2026-11-10")) == 660)
    }
}
