import Testing

@testable import ChantierCore

@Suite("School calendars: school period, long breaks and seasons")
struct SchoolCalendarTests {
    let calendar = Fixtures.quebecCalendar()

    @Test func runsWithoutClassAreMeasuredWithTheirWeekends() {
        // Holidays: Saturday 19 December to Sunday 3 January, 16 days.
        let holidays = calendar.noServiceRun(containing: Fixtures.date("2026-12-25"))
        #expect(holidays == DateRange(Fixtures.date("2026-12-19"), Fixtures.date("2027-01-03")))
        // Thanksgiving: Friday 9 to Monday 12 October, 4 days, not a long break.
        #expect(calendar.noServiceRun(containing: Fixtures.date("2026-10-10"))?.dayCount == 4)
        #expect(!calendar.isInLongBreak(Fixtures.date("2026-10-10")))
        // Spring break with both weekends: 9 days.
        #expect(calendar.noServiceRun(containing: Fixtures.date("2027-03-01"))?.dayCount == 9)
        #expect(calendar.isInLongBreak(Fixtures.date("2027-03-01")))
        #expect(calendar.noServiceRun(containing: Fixtures.date("2026-11-11")) == nil)
    }

    @Test func summerIsTheLongBreakThatHoldsJuly() {
        #expect(calendar.season(of: Fixtures.date("2027-07-15")) == .summer)
        #expect(calendar.season(of: Fixtures.date("2027-06-24")) == .summer)
        #expect(calendar.season(of: Fixtures.date("2027-06-23")) == .schoolYear)
        #expect(calendar.season(of: Fixtures.date("2026-12-25")) == .schoolYear)
    }

    @Test func outsideTheKnownRangeNothingIsExemptAndItIsTheSchoolYear() {
        let outside = Fixtures.date("2028-01-15")
        #expect(!calendar.isClassDay(outside))
        #expect(!calendar.isInLongBreak(outside))
        #expect(calendar.season(of: outside) == .schoolYear)
        // The run that the range cuts off is measured within the range.
        #expect(calendar.noServiceRun(containing: Fixtures.date("2026-06-20"))?.first == Fixtures.date("2026-06-20"))
    }

    @Test func theLastDayOfASchoolYear() {
        #expect(calendar.lastDay(ofSchoolYearStartingIn: 2026) == Fixtures.date("2027-06-23"))
        #expect(calendar.lastDay(ofSchoolYearStartingIn: 2030) == nil)
    }

    @Test func intervalsSplitAtMidnightAndCountAClockChange() {
        let night = Fixtures.interval("2026-10-31 22:00-2026-11-01 03:00")
        #expect(night.minutes(on: Fixtures.date("2026-10-31")) == 120)
        #expect(night.minutes(on: Fixtures.date("2026-11-01")) == 180)
        var autumn = night
        autumn.clockChange = WorkInterval.ClockChange(date: Fixtures.date("2026-11-01"), minutes: 60)
        #expect(autumn.minutes == 360)
        #expect(autumn.minutes(on: Fixtures.date("2026-11-01")) == 240)
    }

    @Test func ageIsCountedForEachDayWorked() {
        let leapling = Person(birthDate: Fixtures.date("2012-02-29"), attendsSchool: true)
        #expect(leapling.age(on: Fixtures.date("2026-02-28")) == 13)
        #expect(leapling.age(on: Fixtures.date("2026-03-01")) == 14)
        #expect(leapling.birthday(turning: 16) == Fixtures.date("2028-02-29"))
        #expect(leapling.birthday(turning: 15) == Fixtures.date("2027-03-01"))
    }
}
