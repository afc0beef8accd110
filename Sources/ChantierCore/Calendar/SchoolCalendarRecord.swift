/// A school calendar as the registry keeps it: the days with educational service and their class
/// hours, the last day of each school year, and (France) holiday periods and public holidays,
/// complete over ``knownRange``. Participants attending school are linked to one.
public struct SchoolCalendarRecord: Hashable, Sendable {
    public var id: Int
    public var code: String
    public var name: String
    /// The rule pack whose notion of school period the calendar feeds (QC, US-FLSA, FR).
    public var jurisdiction: RulePackID
    /// Class hours of an ordinary class day.
    public var classHours: ClassHours
    public var content: SchoolCalendarContent
    public var source: String?
    public var archived: Bool

    public init(
        id: Int,
        code: String,
        name: String,
        jurisdiction: RulePackID,
        classHours: ClassHours,
        content: SchoolCalendarContent,
        source: String? = nil,
        archived: Bool = false
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.jurisdiction = jurisdiction
        self.classHours = classHours
        self.content = content
        self.source = source
        self.archived = archived
    }

    /// The calendar as the rule packs read it, with weeks starting on `weekStartsOn`.
    public func schoolCalendar(weekStartsOn: Weekday) -> SchoolCalendar {
        SchoolCalendar(
            weekStartsOn: weekStartsOn,
            knownRange: content.knownRange,
            classDays: content.classDays.mapValues { $0 ?? classHours },
            schoolYearLastDays: content.schoolYearLastDays,
            holidayPeriods: content.holidayPeriods,
            publicHolidays: Set(content.publicHolidays.keys)
        )
    }
}

/// The days of a school calendar over a range of dates: what an import brings and what is stored.
public struct SchoolCalendarContent: Hashable, Sendable {
    public var knownRange: DateRange
    /// Days with educational service; a value is that day's own class hours (a half day).
    public var classDays: [LocalDate: ClassHours?]
    public var schoolYearLastDays: [LocalDate]
    public var holidayPeriods: [HolidayPeriod]
    public var publicHolidays: [LocalDate: String]

    public init(
        knownRange: DateRange,
        classDays: [LocalDate: ClassHours?] = [:],
        schoolYearLastDays: [LocalDate] = [],
        holidayPeriods: [HolidayPeriod] = [],
        publicHolidays: [LocalDate: String] = [:]
    ) {
        self.knownRange = knownRange
        self.classDays = classDays.filter { knownRange.contains($0.key) }
        self.schoolYearLastDays = schoolYearLastDays.filter(knownRange.contains).sorted()
        self.holidayPeriods = holidayPeriods.filter { knownRange.contains($0.days.first) }
        self.publicHolidays = publicHolidays.filter { knownRange.contains($0.key) }
    }

    /// The content of this calendar with `newer` replacing what lies in `newer`'s range.
    ///
    /// - Throws: when the ranges leave a gap, which would leave days unknown inside the calendar.
    public func merging(_ newer: SchoolCalendarContent) throws(RecordError) -> SchoolCalendarContent {
        let range = newer.knownRange
        guard range.first <= knownRange.last.adding(days: 1), knownRange.first <= range.last.adding(days: 1) else {
            throw RecordError(
                field: "known_from",
                "the file covers \(range.first) to \(range.last), which leaves a gap after the calendar's "
                    + "\(knownRange.first) to \(knownRange.last); import the days in between too, or use a new calendar"
            )
        }
        let outside = { (date: LocalDate) in !range.contains(date) }
        return SchoolCalendarContent(
            knownRange: DateRange(min(knownRange.first, range.first), max(knownRange.last, range.last)),
            classDays: classDays.filter { outside($0.key) }.merging(newer.classDays) { $1 },
            schoolYearLastDays: schoolYearLastDays.filter(outside) + newer.schoolYearLastDays,
            holidayPeriods: holidayPeriods.filter { outside($0.days.first) } + newer.holidayPeriods,
            publicHolidays: publicHolidays.filter { outside($0.key) }.merging(newer.publicHolidays) { $1 }
        )
    }

    /// The range an import covers when the file does not say: from 1 July before the first class
    /// day to 31 August after the last one, so that both summers are whole.
    static func defaultRange(first: LocalDate, last: LocalDate) -> DateRange {
        let startYear = first.month >= 7 ? first.year : first.year - 1
        let endYear = last.month <= 8 ? last.year : last.year + 1
        return DateRange(LocalDate(year: startYear, month: 7, day: 1)!, LocalDate(year: endYear, month: 8, day: 31)!)
    }
}
