import ChantierCore
import Testing

@Suite("Time entries, their times, breaks and weekly deadlines")
struct TimeEntryTests {
    let day = LocalDate(year: 2026, month: 11, day: 18)!

    func time(_ text: String) -> LocalTime { LocalTime(iso: text)! }

    @Test func anEndAtOrBeforeTheStartIsTheNextDayAndTimesAreChecked() throws {
        let night = TimeEntry.Times(date: day, start: time("22:00"), end: time("02:00"))
        #expect(night.endDateTime == LocalDateTime(date: day.adding(days: 1), time: time("02:00")))
        #expect(try night.validated() == night)
        let tooLongBreak = TimeEntry.Times(date: day, start: time("09:00"), end: time("10:00"), breakMinutes: 60)
        #expect(throws: RecordError.self) { try tooLongBreak.validated() }
        let negativeBreak = TimeEntry.Times(date: day, start: time("09:00"), end: time("10:00"), breakMinutes: -5)
        #expect(throws: RecordError.self) { try negativeBreak.validated() }
    }

    @Test func aBreakIsTakenInTheMiddleAndAVoidingEntryCountsNothing() {
        let start = LocalDateTime(date: day, time: time("08:00"))
        let end = LocalDateTime(date: day, time: time("16:00"))
        let parts = TimeEntry.workIntervals(start: start, end: end, minutes: 480, breakMinutes: 30, kind: .work)
        #expect(parts.map(\.start.time) == [time("08:00"), time("12:15")])
        #expect(parts.map(\.end.time) == [time("11:45"), time("16:00")])
        #expect(TimeEntry.workIntervals(start: start, end: end, minutes: 480, breakMinutes: 0, kind: .work).count == 1)
        var entry = TimeEntry(
            id: 1,
            participantID: 2,
            participantName: "Léa",
            siteCode: "parc",
            start: start,
            end: end,
            minutes: 480,
            breakMinutes: 30,
            recordedAt: start,
            recordedBy: "paul"
        )
        #expect(entry.workedMinutes == 450)
        entry.voids = true
        #expect(entry.workedMinutes == 0)
        #expect(entry.intervals.isEmpty)
    }

    @Test func weekDeadlinesFallAfterTheWeekAndParseInEnglishOrFrench() throws {
        let week = WeekClosure.week(of: day)
        #expect(week.first == LocalDate(year: 2026, month: 11, day: 16))
        #expect(week.last == LocalDate(year: 2026, month: 11, day: 22))
        let deadlines = WeekDeadlines()
        #expect(deadlines.submit.moment(after: week) == LocalDateTime(date: week.last, time: time("23:59")))
        #expect(
            deadlines.approve.moment(after: week) == LocalDateTime(date: week.last.adding(days: 1), time: time("17:00"))
        )
        let french = try #require(WeekDeadlines.Deadline(text: "mardi 09:00"))
        #expect(french.moment(after: week) == LocalDateTime(date: week.last.adding(days: 2), time: time("09:00")))
        #expect(WeekDeadlines.Deadline(text: "someday 09:00") == nil)
        #expect(WeekDeadlines.Deadline(text: "monday") == nil)
    }
}
