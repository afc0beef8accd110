import Testing

@testable import ChantierCore

@Suite("School periods under each rule pack")
struct SchoolPeriodTests {
    let date = Fixtures.date

    @Test func quebecSummerExemptBreaksAndSchoolPeriod() {
        let periods = SchoolPeriod.periods(of: Fixtures.quebecCalendar(), under: .quebec)
        func kind(_ day: String) -> SchoolPeriod.Kind? { periods.first { $0.days.contains(date(day)) }?.kind }
        #expect(kind("2026-07-15") == .summer)
        #expect(kind("2026-11-10") == .schoolPeriod)
        #expect(kind("2026-12-25") == .exemptBreak)
        #expect(kind("2027-03-01") == .exemptBreak, "spring break is nine days")
        #expect(kind("2026-10-10") == .schoolPeriod, "a four-day weekend is not a break")
        #expect(periods.first?.days.first == date("2026-06-20"))
        #expect(zip(periods, periods.dropFirst()).allSatisfy { $0.days.last.adding(days: 1) == $1.days.first })
    }

    @Test func flsaWeeksWithAndWithoutSchool() {
        let periods = SchoolPeriod.periods(of: Fixtures.usCalendar, under: .flsa)
        func kind(_ day: String) -> SchoolPeriod.Kind? { periods.first { $0.days.contains(date(day)) }?.kind }
        #expect(kind("2026-11-24") == .schoolWeek, "Thanksgiving week still has school days")
        #expect(kind("2026-12-29") == .nonSchoolWeek)
        #expect(kind("2026-08-05") == .nonSchoolWeek)
    }

    @Test func franceHolidaysOfFourteenDaysOrMore() {
        let calendar = SchoolCalendar(
            weekStartsOn: .monday,
            knownRange: DateRange(date("2026-09-01"), date("2027-01-31")),
            classDays: [:],
            holidayPeriods: [
                HolidayPeriod(name: "Toussaint", days: DateRange(date("2026-10-17"), date("2026-11-01"))),
                HolidayPeriod(name: "Court", days: DateRange(date("2026-12-24"), date("2026-12-30"))),
            ]
        )
        let periods = SchoolPeriod.periods(of: calendar, under: .france)
        #expect(periods.map(\.kind) == [.schoolPeriod, .holiday, .schoolPeriod, .shortHoliday, .schoolPeriod])
    }
}
