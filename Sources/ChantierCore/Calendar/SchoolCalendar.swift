/// The school calendar that decides a person's school period and holidays: the days with
/// educational service (their own school in Québec, the local public district for the FLSA),
/// class hours, the last day of each school year, and France's holiday periods and public holidays.
///
/// The calendar is complete over ``knownRange`` only. Outside it a date has no class, is not in a
/// holiday, and belongs to the school year; a run of days without class that the range cuts off
/// is measured within the range only.
public struct SchoolCalendar: Sendable {
    /// The first day of the week for weekly limits (Québec and the FLSA: the employer's week).
    public let weekStartsOn: Weekday
    public let knownRange: DateRange
    public let schoolYearLastDays: [LocalDate]
    public let holidayPeriods: [HolidayPeriod]
    public let publicHolidays: Set<LocalDate>
    private let classHoursByDay: [LocalDate: ClassHours]
    /// For each day of ``knownRange``, the run of consecutive days without class containing it.
    private let noServiceRuns: [DateRange?]

    /// - Parameters:
    ///   - classDays: every day with educational service in `knownRange`, with its class hours.
    public init(
        weekStartsOn: Weekday,
        knownRange: DateRange,
        classDays: [LocalDate: ClassHours],
        schoolYearLastDays: [LocalDate] = [],
        holidayPeriods: [HolidayPeriod] = [],
        publicHolidays: Set<LocalDate> = []
    ) {
        self.weekStartsOn = weekStartsOn
        self.knownRange = knownRange
        self.classHoursByDay = classDays.filter { knownRange.contains($0.key) }
        self.schoolYearLastDays = schoolYearLastDays.sorted()
        self.holidayPeriods = holidayPeriods.sorted { $0.days.first < $1.days.first }
        self.publicHolidays = publicHolidays
        var runs = [DateRange?](repeating: nil, count: knownRange.dayCount)
        var runStart: LocalDate?
        for date in knownRange {
            let isClassDay = classDays[date] != nil
            if !isClassDay && runStart == nil { runStart = date }
            let runEnds = date == knownRange.last || classDays[date.adding(days: 1)] != nil
            if let start = runStart, !isClassDay, runEnds {
                let run = DateRange(start, date)
                for day in run { runs[knownRange.first.days(until: day)] = run }
                runStart = nil
            }
        }
        noServiceRuns = runs
    }

    /// Whether `date` has educational service.
    public func isClassDay(_ date: LocalDate) -> Bool {
        classHoursByDay[date] != nil
    }

    /// The class hours of `date`, or `nil` when it is not a class day.
    public func classHours(on date: LocalDate) -> ClassHours? {
        classHoursByDay[date]
    }

    /// The maximal run of consecutive days without educational service that contains `date`,
    /// within ``knownRange``; `nil` on class days and outside the range.
    public func noServiceRun(containing date: LocalDate) -> DateRange? {
        guard knownRange.contains(date) else { return nil }
        return noServiceRuns[knownRange.first.days(until: date)]
    }

    /// Whether `date` lies in a run of more than seven consecutive days without educational
    /// service (Québec's exempt periods, LNT s. 84.4: summer, the Holidays, spring break).
    public func isInLongBreak(_ date: LocalDate) -> Bool {
        (noServiceRun(containing: date)?.dayCount ?? 0) > 7
    }

    /// Summer when `date` lies in a run of more than seven days without educational service that
    /// includes a day of July; otherwise the school year.
    public func season(of date: LocalDate) -> Season {
        guard let run = noServiceRun(containing: date), run.dayCount > 7 else { return .schoolYear }
        return run.contains { $0.month == 7 } ? .summer : .schoolYear
    }

    /// The last day of the school calendar of the school year (1 July – 30 June) that starts in
    /// `year`, when the calendar gives it.
    public func lastDay(ofSchoolYearStartingIn year: Int) -> LocalDate? {
        guard let start = LocalDate(year: year, month: 7, day: 1),
            let end = LocalDate(year: year + 1, month: 6, day: 30)
        else { return nil }
        return schoolYearLastDays.last { start <= $0 && $0 <= end }
    }

    /// The holiday period containing `date`, if any.
    public func holidayPeriod(containing date: LocalDate) -> HolidayPeriod? {
        holidayPeriods.first { $0.days.contains(date) }
    }
}
