/// A school calendar in CSV, one row per day or range of days:
///
/// ```
/// date,end_date,type,class_start,class_end,name
/// 2026-08-27,2027-06-23,class,,,
/// 2026-10-09,,no-class,,,Journée pédagogique
/// 2026-12-19,2027-01-03,no-class,,,Vacances des Fêtes
/// 2027-06-22,,class,08:15,12:00,Demi-journée
/// 2027-06-23,,school-year-end,,,
/// ```
///
/// `class` marks days with educational service (over a range: Monday to Friday; a single day: that
/// day, with its own hours when given); `no-class` takes days away (pedagogical days, holidays,
/// breaks), after every `class` row; `school-year-end` is the last day of a school calendar;
/// `holiday` is a named school-holiday period (France); `public-holiday` a public holiday.
public enum SchoolCalendarCSV {
    public static let requiredColumns: Set<String> = ["date", "type"]
    public static let optionalColumns: Set<String> = ["end_date", "class_start", "class_end", "name"]

    public enum RowType: String, CaseIterable {
        case `class`
        case noClass = "no-class"
        case schoolYearEnd = "school-year-end"
        case holiday
        case publicHoliday = "public-holiday"
    }

    /// - Parameter knownRange: the range the file is complete over; by default from 1 July before
    ///   its first day to 31 August after its last.
    public static func content(
        of text: String,
        knownRange: DateRange? = nil
    ) throws(ImportRejected)
        -> SchoolCalendarContent
    {
        let table = try CSVTable(parsing: text, required: requiredColumns, optional: optionalColumns)
        var problems: [ImportProblem] = []
        var classDays: [LocalDate: ClassHours?] = [:]
        var noClass: Set<LocalDate> = []
        var yearEnds: [LocalDate] = []
        var holidays: [HolidayPeriod] = []
        var publicHolidays: [LocalDate: String] = [:]
        var seen: [LocalDate] = []
        for row in table.rows {
            do throws(RecordError) {
                let first = try RecordFields.date(row["date"] ?? "", field: "date")
                let last = try RecordFields.optionalDate(row["end_date"], field: "end_date") ?? first
                guard first <= last else { throw RecordError(field: "end_date", "\(last) is before \(first)") }
                guard first.days(until: last) < 800 else {
                    throw RecordError(field: "end_date", "a row covers at most two school years")
                }
                let type = try RecordFields.choice(row["type"] ?? "", field: "type", as: RowType.self)
                let hours = try Self.hours(row)
                if hours != nil && (type != .class || first != last) {
                    throw RecordError(field: "class_start", "class hours go on a `class` row of a single day")
                }
                seen += [first, last]
                let days = DateRange(first, last)
                switch type {
                case .class:
                    for day in days where first == last || day.weekday.isWeekday { classDays[day] = hours }
                case .noClass:
                    noClass.formUnion(days)
                case .schoolYearEnd:
                    guard first == last else { throw RecordError(field: "end_date", "a school year ends on one day") }
                    yearEnds.append(first)
                case .holiday:
                    holidays.append(HolidayPeriod(name: row["name"] ?? "vacances", days: days))
                case .publicHoliday:
                    for day in days { publicHolidays[day] = row["name"] ?? "jour férié" }
                }
            } catch {
                problems.append(ImportProblem(line: row.line, error))
            }
        }
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        guard let first = seen.min(), let last = seen.max() else {
            throw ImportRejected(problems: [ImportProblem(line: 2, field: nil, message: "the file has no rows")])
        }
        for day in noClass { classDays[day] = nil }
        return SchoolCalendarContent(
            knownRange: knownRange ?? SchoolCalendarContent.defaultRange(first: first, last: last),
            classDays: classDays,
            schoolYearLastDays: yearEnds,
            holidayPeriods: holidays,
            publicHolidays: publicHolidays
        )
    }

    private static func hours(_ row: CSVTable.Row) throws(RecordError) -> ClassHours? {
        guard row["class_start"] != nil || row["class_end"] != nil else { return nil }
        let start = try RecordFields.time(row["class_start"] ?? "", field: "class_start")
        let end = try RecordFields.time(row["class_end"] ?? "", field: "class_end")
        guard start < end else { throw RecordError(field: "class_end", "class ends after it starts") }
        return ClassHours(start: start, end: end)
    }
}
