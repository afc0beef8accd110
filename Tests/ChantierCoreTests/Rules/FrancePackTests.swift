import Testing

@testable import ChantierCore

/// France (rules.md §3). The Toussaint holidays run from Saturday 2026-10-17 to Sunday 2026-11-01 (16 days).
@Suite("Rule pack FR")
struct FrancePackTests {
    /// 15 throughout 2026–2027.
    let fifteen = "2011-09-09"
    /// 16 throughout 2026–2027.
    let sixteen = "2010-01-20"
    let authorized = JobContext(
        guardianConsent: JobContext.GuardianConsent(onFile: true),
        labourInspectorAuthorization: true
    )

    func check(
        born: String? = nil,
        calendar: SchoolCalendar? = nil,
        context: JobContext? = nil,
        options: RulePackOptions = RulePackOptions(),
        existing: [String] = [],
        proposed: String
    ) -> ComplianceResult {
        Fixtures.check(
            .france,
            born: born ?? fifteen,
            calendar: calendar,
            context: context ?? authorized,
            options: options,
            existing: existing,
            proposed: proposed
        )
    }

    // MARK: Under 16

    @Test func underFourteenIsNotEmployed() {
        #expect(check(born: "2013-05-05", proposed: "2026-10-20 09:00-12:00").rules == ["FR-MIN-AGE"])
    }

    @Test func fourteenFifteenOnlyInHolidaysOfAtLeastFourteenDays() {
        #expect(check(proposed: "2026-10-20 09:00-12:00").allowed)
        #expect(check(proposed: "2026-11-04 09:00-12:00").rules == ["FR-U16-HOLIDAY-ONLY"])
        // The Ascension bridge (4 days) does not qualify.
        #expect(check(proposed: "2027-05-07 09:00-12:00").rules == ["FR-U16-HOLIDAY-ONLY"])
    }

    @Test func withTheInspectorsAuthorizationAndTheParentsAgreement() {
        let noAuthorization = JobContext(guardianConsent: JobContext.GuardianConsent(onFile: true))
        #expect(check(context: noAuthorization, proposed: "2026-10-20 09:00-12:00").rules == ["FR-U16-AUTHORIZATION"])
        let noAgreement = JobContext(labourInspectorAuthorization: true)
        #expect(check(context: noAgreement, proposed: "2026-10-20 09:00-12:00").rules == ["FR-U16-AUTHORIZATION"])
    }

    @Test func lightWorkOnly() {
        var context = authorized
        context.task = JobContext.Task(kind: "lawn-care", equipment: [.powerMower])
        #expect(check(context: context, proposed: "2026-10-20 09:00-12:00").rules == ["FR-U16-LIGHT-WORK"])
    }

    @Test func sevenHoursADayAndThirtyFiveAWeekUnderSixteen() {
        #expect(check(existing: ["2026-10-20 08:00-11:30"], proposed: "2026-10-20 12:00-15:30").allowed)
        #expect(
            check(existing: ["2026-10-20 08:00-11:30"], proposed: "2026-10-20 12:00-15:31").rules == ["FR-U16-DAILY-7H"]
        )
        let week =
            (19...22).flatMap {
                [Fixtures.on("2026-10", $0, "08:00-11:30"), Fixtures.on("2026-10", $0, "12:00-15:30")]
            }
            + ["2026-10-23 08:00-11:30"]
        #expect(check(existing: week, proposed: "2026-10-23 12:00-15:30").allowed)
        let sixthDay = check(existing: week + ["2026-10-23 12:00-15:30"], proposed: "2026-10-24 09:00-09:01")
        #expect(sixthDay.rules.contains("FR-U16-WEEK-35H"))
    }

    @Test func aContinuousRestOfHalfTheHolidays() {
        // Toussaint, 16 days: 8 consecutive free days are needed.
        #expect(
            check(existing: ["2026-10-20 09:00-12:00"], proposed: "2026-10-28 09:00-12:00").rules == [
                "FR-U16-HALF-HOLIDAY-REST"
            ]
        )
        #expect(check(existing: ["2026-10-20 09:00-12:00"], proposed: "2026-10-21 09:00-12:00").allowed)
        // A 14-day holiday from Monday 19 October: with its leading weekend, the rest may reach 7 days.
        let fourteenDays = SchoolCalendar(
            weekStartsOn: .monday,
            knownRange: DateRange(Fixtures.date("2026-09-01"), Fixtures.date("2027-08-31")),
            classDays: [:],
            holidayPeriods: [
                HolidayPeriod(name: "autumn", days: DateRange(Fixtures.date("2026-10-19"), Fixtures.date("2026-11-01")))
            ]
        )
        let existing = ["2026-10-25 09:00-12:00"]
        #expect(
            check(calendar: fourteenDays, existing: existing, proposed: "2026-10-31 09:00-12:00").rules == [
                "FR-U16-HALF-HOLIDAY-REST"
            ]
        )
        var weekends = RulePackOptions()
        weekends.franceHalfRest = .withAdjacentWeekends
        #expect(
            check(calendar: fourteenDays, options: weekends, existing: existing, proposed: "2026-10-31 09:00-12:00")
                .allowed
        )
    }

    @Test func noWorkFrom20To06UnderSixteen() {
        #expect(check(proposed: "2026-10-20 16:00-20:00").allowed)
        #expect(check(proposed: "2026-10-20 16:00-20:01").rules == ["FR-NIGHT-U16"])
        #expect(check(proposed: "2026-10-20 06:00-10:00").allowed)
        #expect(check(proposed: "2026-10-20 05:59-10:00").rules == ["FR-NIGHT-U16"])
    }

    @Test func fourteenHoursOfDailyRestUnderSixteen() {
        #expect(check(existing: ["2026-10-20 14:00-18:00"], proposed: "2026-10-21 08:00-12:00").allowed)
        #expect(
            check(existing: ["2026-10-20 14:00-18:00"], proposed: "2026-10-21 07:59-11:59").rules == [
                "FR-DAILY-REST-14H-U16"
            ]
        )
        // One day's work may span at most 10 hours, first start to last end.
        #expect(check(existing: ["2026-10-20 06:00-10:00"], proposed: "2026-10-20 14:00-16:00").allowed)
        #expect(
            check(existing: ["2026-10-20 06:00-10:00"], proposed: "2026-10-20 14:00-16:01").rules == [
                "FR-DAILY-REST-14H-U16"
            ]
        )
    }

    @Test func aSixteenthBirthdayEndsTheHolidayOnlyRulesThatDay() {
        // Turns 16 on Wednesday 2026-10-21.
        let born = "2010-10-21"
        let nobody = JobContext()
        #expect(
            check(born: born, context: nobody, proposed: "2026-10-20 09:00-12:00").rules == ["FR-U16-AUTHORIZATION"]
        )
        #expect(check(born: born, context: nobody, proposed: "2026-10-21 09:00-12:00").allowed)
        #expect(check(born: born, context: nobody, proposed: "2026-11-04 09:00-12:00").allowed)
    }

    // MARK: 16 and 17, all year

    @Test func eightHoursADayAndThirtyFiveAWeek() {
        #expect(check(born: sixteen, existing: ["2026-11-04 08:00-12:00"], proposed: "2026-11-04 12:30-16:30").allowed)
        #expect(
            check(born: sixteen, existing: ["2026-11-04 08:00-12:00"], proposed: "2026-11-04 12:30-16:31").rules == [
                "FR-DAILY-8H"
            ]
        )
        let week =
            (2...5).flatMap { [Fixtures.on("2026-11", $0, "08:00-12:00"), Fixtures.on("2026-11", $0, "12:30-15:30")] }
            + ["2026-11-06 08:00-12:00"]
        #expect(check(born: sixteen, existing: week, proposed: "2026-11-06 12:30-15:30").allowed)
        #expect(check(born: sixteen, existing: week, proposed: "2026-11-06 12:30-15:31").rules == ["FR-WEEK-35H"])
        var derogation = RulePackOptions()
        derogation.franceGreenSpaceDerogation = true
        #expect(check(born: sixteen, options: derogation, existing: week, proposed: "2026-11-06 12:30-15:31").allowed)
    }

    @Test func noStretchOfMoreThanFourAndAHalfHours() {
        #expect(check(born: sixteen, proposed: "2026-11-04 08:00-12:30").allowed)
        #expect(check(born: sixteen, proposed: "2026-11-04 08:00-12:31").rules == ["FR-BREAK-4H30"])
        #expect(
            check(born: sixteen, existing: ["2026-11-04 08:00-10:00"], proposed: "2026-11-04 10:29-12:31").rules == [
                "FR-BREAK-4H30"
            ]
        )
        #expect(check(born: sixteen, existing: ["2026-11-04 08:00-10:00"], proposed: "2026-11-04 10:30-13:00").allowed)
    }

    @Test func twelveHoursOfDailyRest() {
        let evening = ["2026-11-03 13:00-17:00", "2026-11-03 17:30-21:00"]
        #expect(check(born: sixteen, existing: evening, proposed: "2026-11-04 09:00-12:00").allowed)
        #expect(
            check(born: sixteen, existing: evening, proposed: "2026-11-04 08:59-11:59").rules == ["FR-DAILY-REST-12H"]
        )
    }

    @Test func noWorkFrom22To06AndSectorDerogations() {
        #expect(check(born: sixteen, proposed: "2026-11-04 18:00-22:00").allowed)
        #expect(check(born: sixteen, proposed: "2026-11-04 18:00-22:01").rules == ["FR-NIGHT-16-17"])
        let restaurant = JobContext(sector: "restaurants")
        #expect(check(born: sixteen, context: restaurant, proposed: "2026-11-04 19:00-23:00").allowed)
        #expect(
            check(born: sixteen, context: restaurant, proposed: "2026-11-04 23:00-2026-11-05 00:30").rules == [
                "FR-NIGHT-16-17"
            ]
        )
    }

    @Test func twoConsecutiveDaysOfRestEachWeek() {
        let mondayToFriday = (2...6).map { Fixtures.on("2026-11", $0, "09:00-12:00") }
        #expect(
            check(born: sixteen, existing: Array(mondayToFriday.dropLast()), proposed: mondayToFriday.last!).allowed
        )
        #expect(
            check(born: sixteen, existing: mondayToFriday, proposed: "2026-11-07 09:00-12:00").rules == [
                "FR-WEEKLY-REST-2DAYS"
            ]
        )
        let mondayToThursday = Array(mondayToFriday.dropLast())
        #expect(
            check(born: sixteen, existing: mondayToThursday, proposed: "2026-11-07 09:00-12:00").rules == [
                "FR-WEEKLY-REST-2DAYS"
            ]
        )
        // Straddling weeks by option: Sunday 8 and Monday 9 free.
        var across = RulePackOptions()
        across.franceWeeklyRest = .acrossWeeks
        #expect(
            check(born: sixteen, options: across, existing: mondayToThursday, proposed: "2026-11-07 09:00-12:00")
                .allowed
        )
    }

    @Test func noWorkOnPublicHolidaysOutsideDerogationSectors() {
        #expect(check(born: sixteen, proposed: "2026-11-11 09:00-12:00").rules == ["FR-PUBLIC-HOLIDAY"])
        #expect(check(born: sixteen, context: JobContext(sector: "hotels"), proposed: "2026-11-11 09:00-12:00").allowed)
        #expect(check(born: "1990-01-01", context: JobContext(), proposed: "2026-11-11 09:00-12:00").allowed)
    }
}
