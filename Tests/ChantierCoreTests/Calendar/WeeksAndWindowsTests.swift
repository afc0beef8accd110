import Testing

@testable import ChantierCore

@Suite("ISO weeks, weekly windows and availability")
struct WeeksAndWindowsTests {
    let date = Fixtures.date

    @Test(arguments: [
        ("2026-W48", "2026-11-23", "2026-11-29"), ("2026-W01", "2025-12-29", "2026-01-04"),
        ("2020-W53", "2020-12-28", "2021-01-03"),
    ])
    func isoWeeks(text: String, first: String, last: String) {
        #expect(DateRange(isoWeek: text) == DateRange(date(first), date(last)))
        #expect(date(first).isoWeek == text)
        #expect(date(last).isoWeek == text)
    }

    @Test func invalidWeeksAreRefused() {
        #expect(DateRange(isoWeek: "2027-W53") == nil, "2027 has 52 weeks")
        #expect(DateRange(isoWeek: "2026-W53") == DateRange(date("2026-12-28"), date("2027-01-03")), "2026 has 53")
        #expect(DateRange(isoWeek: "2026-48") == nil)
        #expect(DateRange(isoWeek: "2026-W00") == nil)
    }

    @Test func windowsInEnglishOrFrench() {
        #expect(WeeklyWindow(text: "mon 16:00-19:00")?.description == "mon 16:00-19:00")
        #expect(WeeklyWindow(text: "samedi 09:00-12:00")?.weekday == .saturday)
        #expect(WeeklyWindow(text: "mar 09:00-12:00")?.weekday == .tuesday, "mar is mardi")
        #expect(WeeklyWindow(text: "7 09:00-12:00")?.weekday == .sunday)
        #expect(WeeklyWindow(text: "mon 19:00-16:00") == nil)
        #expect(WeeklyWindow(text: "someday 09:00-12:00") == nil)
    }

    @Test func exceptionsDecideBeforeTheWeeklyWindows() throws {
        let availability = Availability(
            windows: [WeeklyWindow(text: "mon 16:00-20:00")!],
            exceptions: [
                try .init(text: "2026-11-23 17:00-18:00", available: false, field: "x"),
                try .init(text: "2026-11-24 10:00-12:00", available: true, field: "x"),
                try .init(text: "2026-11-30", available: false, field: "x"),
            ]
        )
        func allows(_ day: String, _ from: Int, _ to: Int) -> Bool {
            availability.allows(date: date(day), start: LocalTime(hour: from)!, end: LocalTime(hour: to)!)
        }
        #expect(allows("2026-11-16", 16, 18))
        #expect(!allows("2026-11-16", 15, 17), "outside the weekly window")
        #expect(!allows("2026-11-23", 16, 18), "an unavailable hour inside the shift")
        #expect(allows("2026-11-23", 18, 20))
        #expect(allows("2026-11-24", 10, 12), "available that Tuesday only")
        #expect(!allows("2026-11-30", 16, 18), "unavailable all day")
        #expect(Availability().allows(date: date("2026-11-24"), start: LocalTime(hour: 3)!, end: LocalTime(hour: 4)!))
        #expect(throws: RecordError.self) {
            try Availability.Exception(text: "2026-11-24", available: true, field: "x")
        }
    }
}
