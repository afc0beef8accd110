import ChantierCore
import Foundation
import Testing

@Suite("LocalDate: civil dates without time zones")
struct LocalDateTests {
    @Test func componentsRoundTripOverFourCenturies() throws {
        var date = try #require(LocalDate(year: 1900, month: 1, day: 1))
        let end = try #require(LocalDate(year: 2300, month: 1, day: 1))
        while date < end {
            let (year, month, day) = date.components
            #expect(LocalDate(year: year, month: month, day: day) == date)
            date = date.adding(days: 1)
        }
    }

    @Test func matchesFoundationsGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for offset in stride(from: -40_000, through: 40_000, by: 997) {
            let date = LocalDate(daysSinceEpoch: offset)
            let reference = calendar.dateComponents(
                [.year, .month, .day, .weekday],
                from: Date(timeIntervalSince1970: Double(offset) * 86_400)
            )
            #expect(date.year == reference.year && date.month == reference.month && date.day == reference.day)
            // Foundation numbers Sunday 1 … Saturday 7.
            #expect(date.weekday.isoNumber == (reference.weekday! + 5) % 7 + 1)
        }
    }

    @Test func parsesOnlyRealISODates() {
        #expect(LocalDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "2026-1-01") == nil)
        #expect(LocalDate(iso: "20261121") == nil)
        #expect(LocalDate(iso: "2026-11-21T00:00") == nil)
        #expect(LocalDate(iso: "２０２６-11-21") == nil)
    }

    @Test func weekdaysAndWeekStarts() throws {
        let saturday = try #require(LocalDate(iso: "2026-11-21"))
        #expect(saturday.weekday == .saturday)
        #expect(saturday.startOfWeek(beginningOn: .sunday).description == "2026-11-15")
        #expect(saturday.startOfWeek(beginningOn: .monday).description == "2026-11-16")
        let sunday = try #require(LocalDate(iso: "2026-11-22"))
        #expect(sunday.startOfWeek(beginningOn: .sunday) == sunday)
        #expect(sunday.startOfWeek(beginningOn: .monday).description == "2026-11-16")
    }

    @Test func codableAsISOText() throws {
        let date = try #require(LocalDate(iso: "2027-06-23"))
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == "[\"2027-06-23\"]")
        #expect(try JSONDecoder().decode([LocalDate].self, from: json) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data("[\"2027-6-23\"]".utf8))
        }
    }
}
