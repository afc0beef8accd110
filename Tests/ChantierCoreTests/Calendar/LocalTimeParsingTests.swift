import ChantierCore
import Testing

@Suite("Times of day and local date-times read from ISO 8601 text")
struct LocalTimeParsingTests {
    @Test(arguments: [("00:00", 0), ("09:05", 545), ("23:59", 1439), ("24:00", 1440)])
    func timesOfDay(text: String, minuteOfDay: Int) {
        #expect(LocalTime(iso: text)?.minuteOfDay == minuteOfDay)
    }

    @Test(arguments: ["24:01", "9:00", "09:60", "09:00:00", "0900", "", "09:0", "０９:00", "-1:00"])
    func notATimeOfDay(text: String) {
        #expect(LocalTime(iso: text) == nil)
    }

    @Test func dateTimes() throws {
        let value = try #require(LocalDateTime(iso: "2026-11-21T09:30"))
        #expect(value.date == LocalDate(iso: "2026-11-21"))
        #expect(value.time == LocalTime(hour: 9, minute: 30))
        #expect(value.description == "2026-11-21T09:30")
        #expect(LocalDateTime(iso: "1969-12-31T23:59")?.minutesSinceEpoch == -1)
    }

    @Test(arguments: [
        "2026-11-21 09:30", "2026-11-21T24:00", "2026-02-30T10:00", "2026-11-21T09:3", "2026-11-21T09:300",
        "2026-11-21", "2026-11-21T", "2026-11-21t09:30", "2026-1-21T09:30", "",
    ])
    func notADateTime(text: String) {
        #expect(LocalDateTime(iso: text) == nil)
    }

    @Test func partsOfLongerTextsAreReadInPlace() {
        let line = "[2026-11-21T09:30|07:45|2027-01-04]"
        let fields = line.dropFirst().dropLast().split(separator: "|")
        #expect(LocalDateTime(iso: fields[0])?.description == "2026-11-21T09:30")
        #expect(LocalTime(iso: fields[1])?.description == "07:45")
        #expect(LocalDate(iso: fields[2])?.description == "2027-01-04")
    }
}
