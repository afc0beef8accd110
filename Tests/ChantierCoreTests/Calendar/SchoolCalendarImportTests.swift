import Testing

@testable import ChantierCore

@Suite("School calendars from CSV and iCalendar")
struct SchoolCalendarImportTests {
    let date = Fixtures.date

    @Test func csvClassRangesLessDaysOffWithAHalfDayAndTheYearEnd() throws {
        let content = try SchoolCalendarCSV.content(
            of: """
                date,end_date,type,class_start,class_end,name
                2026-08-27,2027-06-23,class,,,
                2026-10-09,,no-class,,,Journée pédagogique
                2026-12-19,2027-01-03,no-class,,,Vacances des Fêtes
                2027-06-22,,class,08:15,12:00,Demi-journée
                2027-06-23,,school-year-end,,,
                """
        )
        #expect(content.knownRange == DateRange(date("2026-07-01"), date("2027-08-31")))
        #expect(content.classDays[date("2026-08-27")] != nil)
        #expect(content.classDays[date("2026-08-29")] == nil, "a Saturday of a range has no class")
        #expect(content.classDays[date("2026-10-09")] == nil)
        #expect(content.classDays[date("2027-01-04")] != nil)
        #expect(
            content.classDays[date("2027-06-22")]
                == .some(ClassHours(start: LocalTime(hour: 8, minute: 15)!, end: LocalTime(hour: 12)!))
        )
        #expect(content.schoolYearLastDays == [date("2027-06-23")])
        let record = SchoolCalendarRecord(
            id: 1,
            code: "c",
            name: "c",
            jurisdiction: .quebec,
            classHours: ClassHours(start: LocalTime(hour: 8)!, end: LocalTime(hour: 15)!),
            content: content
        )
        let calendar = record.schoolCalendar(weekStartsOn: .sunday)
        #expect(calendar.season(of: date("2027-06-28")) == .summer, "the default range makes the summer whole")
        #expect(calendar.isInLongBreak(date("2026-12-24")))
    }

    @Test func csvProblemsAreListedByLine() {
        let error = #expect(throws: ImportRejected.self) {
            try SchoolCalendarCSV.content(
                of: """
                    date,type,class_start
                    2026-08-27,class,
                    2026-13-01,class,
                    2026-09-01,vacation,
                    2026-09-02,no-class,08:00
                    """
            )
        }
        #expect(
            error?.problems.map(\.description) == [
                "line 3: date: \"2026-13-01\" is not a YYYY-MM-DD date",
                "line 4: type: \"vacation\" is not one of class, no-class, school-year-end, holiday, public-holiday",
                "line 5: class_end: \"\" is not an HH:MM time",
            ]
        )
    }

    let ics = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        BEGIN:VEVENT\r
        DTSTART;VALUE=DATE:20260827\r
        SUMMARY:Premier jour de classe\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART;VALUE=DATE:20261009\r
        DTEND;VALUE=DATE:20261010\r
        SUMMARY:Journée pédagogique\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART;VALUE=DATE:20261219\r
        DTEND;VALUE=DATE:20270104\r
        SUMMARY:Congé des Fêtes\\, école fermée\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART:20261015T190000\r
        DTEND:20261015T210000\r
        SUMMARY:Soirée des parents\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART;VALUE=DATE:20270623\r
        SUMMARY:Dernier jour\r
          de classe\r
        END:VEVENT\r
        END:VCALENDAR\r
        """

    @Test func icsWeekdaysBetweenTheMarkedFirstAndLastDaysLessAllDayEvents() throws {
        let content = try SchoolCalendarICS.content(of: ics, needsClassDays: true)
        #expect(content.classDays[date("2026-08-27")] != nil)
        #expect(content.classDays[date("2026-10-09")] == nil)
        #expect(content.classDays[date("2026-10-15")] != nil, "an evening event does not take the day")
        #expect(content.classDays[date("2027-01-03")] == nil)
        #expect(content.classDays[date("2027-01-04")] != nil, "DTEND is exclusive")
        #expect(content.classDays[date("2027-06-23")] != nil, "a folded summary is read whole")
        #expect(content.schoolYearLastDays == [date("2027-06-23")])
    }

    @Test func icsWithoutFirstAndLastDaysNeedsThemUnlessFrance() throws {
        let holidays = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20261017
            DTEND;VALUE=DATE:20261102
            SUMMARY:Vacances de la Toussaint
            END:VEVENT
            END:VCALENDAR
            """
        #expect(throws: ImportRejected.self) { try SchoolCalendarICS.content(of: holidays, needsClassDays: true) }
        let france = try SchoolCalendarICS.content(of: holidays, needsClassDays: false)
        #expect(
            france.holidayPeriods == [
                HolidayPeriod(name: "Vacances de la Toussaint", days: DateRange(date("2026-10-17"), date("2026-11-01")))
            ]
        )
        let given = try SchoolCalendarICS.content(
            of: holidays,
            firstDay: date("2026-09-01"),
            lastDay: date("2027-07-03"),
            needsClassDays: true
        )
        #expect(given.classDays[date("2026-10-19")] == nil)
        #expect(given.classDays[date("2026-11-02")] != nil)
    }

    @Test func icsRefusesRepeatingAllDayEventsAndNonCalendars() {
        let repeating =
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261009\nRRULE:FREQ=YEARLY\nSUMMARY:Congé\nEND:VEVENT\nEND:VCALENDAR\n"
        let error = #expect(throws: ImportRejected.self) {
            try SchoolCalendarICS.content(
                of: repeating,
                firstDay: date("2026-09-01"),
                lastDay: date("2027-06-20"),
                needsClassDays: true
            )
        }
        #expect(error?.problems.first?.line == 2)
        #expect(throws: ImportRejected.self) { try SchoolCalendarICS.content(of: "date,type\n", needsClassDays: true) }
    }

    @Test func mergingReplacesTheNewRangeAndRefusesAGap() throws {
        let first = SchoolCalendarContent(
            knownRange: DateRange(date("2026-07-01"), date("2027-08-31")),
            classDays: [date("2026-09-01"): nil, date("2027-06-01"): nil]
        )
        let second = SchoolCalendarContent(
            knownRange: DateRange(date("2027-05-01"), date("2028-08-31")),
            classDays: [date("2027-09-01"): nil]
        )
        let merged = try first.merging(second)
        #expect(merged.knownRange == DateRange(date("2026-07-01"), date("2028-08-31")))
        #expect(Set(merged.classDays.keys) == [date("2026-09-01"), date("2027-09-01")])
        let far = SchoolCalendarContent(knownRange: DateRange(date("2029-07-01"), date("2030-08-31")))
        #expect(throws: RecordError.self) { try first.merging(far) }
    }
}
