import Testing

@testable import ChantierCore

/// Calendars and a compact way to write compliance questions in tests.
enum Fixtures {
    static func date(_ text: String) -> LocalDate {
        guard let date = LocalDate(iso: text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// `"2026-11-09 16:00-18:00"` for day 9 of `month` ("2026-11") and the times `"16:00-18:00"`.
    static func on(_ month: String, _ day: Int, _ times: String) -> String {
        "\(month)-\(day < 10 ? "0" : "")\(day) \(times)"
    }

    /// An interval written `"2026-10-20 16:00-19:00"`, or across midnight `"2026-10-20 22:00-2026-10-21 01:00"`.
    static func interval(_ text: String, _ kind: WorkKind = .work) -> WorkInterval {
        let parts = text.split(separator: " ", maxSplits: 1)
        let day = String(parts[0])
        let times = parts[1].split(separator: "-", maxSplits: 1).map(String.init)
        let end = times[1].count > 5 ? times[1].replacingFirstSpace() : "\(day)T\(times[1])"
        guard let start = LocalDateTime(iso: "\(day)T\(times[0])"), let finish = LocalDateTime(iso: end) else {
            fatalError("bad test interval \(text)")
        }
        return WorkInterval(start: start, end: finish, kind: kind)
    }

    /// Weekdays from `first` to `last` except `without`, as class days with `hours`.
    static func classDays(
        _ first: String,
        _ last: String,
        without: [String] = [],
        withoutRanges: [(String, String)] = [],
        hours: ClassHours
    ) -> [LocalDate: ClassHours] {
        var days: [LocalDate: ClassHours] = [:]
        let excluded = Set(without.map(date))
        for day in DateRange(date(first), date(last)) where day.weekday.isWeekday && !excluded.contains(day) {
            guard !withoutRanges.contains(where: { DateRange(date($0.0), date($0.1)).contains(day) }) else { continue }
            days[day] = hours
        }
        return days
    }

    /// An assumed Québec 2026–2027 calendar (rules.md §1.4): classes 27 Aug – 23 Jun; no class on
    /// Labour Day, the Thanksgiving pedagogical day and Monday, the Holidays (19 Dec – 3 Jan),
    /// spring break (27 Feb – 7 Mar), Good Friday and Easter Monday; the next year from 26 Aug.
    static func quebecCalendar(
        extraDaysOff: [String] = [],
        weekStartsOn: Weekday = .sunday
    ) -> SchoolCalendar {
        let hours = ClassHours(start: LocalTime(hour: 8, minute: 15)!, end: LocalTime(hour: 15, minute: 30)!)
        var days = classDays(
            "2026-08-27",
            "2027-06-23",
            without: ["2026-09-07", "2026-10-09", "2026-10-12", "2027-03-26", "2027-03-29"] + extraDaysOff,
            withoutRanges: [("2026-12-19", "2027-01-03"), ("2027-02-27", "2027-03-07")],
            hours: hours
        )
        days.merge(classDays("2027-08-26", "2027-09-30", without: ["2027-09-06"], hours: hours)) { $1 }
        return SchoolCalendar(
            weekStartsOn: weekStartsOn,
            knownRange: DateRange(date("2026-06-20"), date("2027-09-30")),
            classDays: days,
            schoolYearLastDays: [date("2026-06-19"), date("2027-06-23"), date("2028-06-21")]
        )
    }

    /// An assumed US public district, 2026–2027: 19 Aug – 4 Jun, 08:00–15:00; off Labor Day,
    /// Thanksgiving Thursday and Friday, 21 Dec – 1 Jan, spring break 22–26 Mar, Memorial Day.
    static let usCalendar: SchoolCalendar = {
        let hours = ClassHours(start: LocalTime(hour: 8)!, end: LocalTime(hour: 15)!)
        return SchoolCalendar(
            weekStartsOn: .sunday,
            knownRange: DateRange(date("2026-08-01"), date("2027-09-30")),
            classDays: classDays(
                "2026-08-19",
                "2027-06-04",
                without: ["2026-09-07", "2026-11-26", "2026-11-27", "2027-05-31"],
                withoutRanges: [("2026-12-21", "2027-01-01"), ("2027-03-22", "2027-03-26")],
                hours: hours
            ),
            schoolYearLastDays: [date("2027-06-04")]
        )
    }()

    /// A French zone, 2026–2027: holiday periods and public holidays (assumed).
    static let franceCalendar = SchoolCalendar(
        weekStartsOn: .monday,
        knownRange: DateRange(date("2026-09-01"), date("2027-08-31")),
        classDays: [:],
        holidayPeriods: [
            HolidayPeriod(name: "toussaint", days: DateRange(date("2026-10-17"), date("2026-11-01"))),
            HolidayPeriod(name: "noel", days: DateRange(date("2026-12-19"), date("2027-01-03"))),
            HolidayPeriod(name: "hiver", days: DateRange(date("2027-02-13"), date("2027-02-28"))),
            HolidayPeriod(name: "printemps", days: DateRange(date("2027-04-10"), date("2027-04-25"))),
            HolidayPeriod(name: "pont-ascension", days: DateRange(date("2027-05-06"), date("2027-05-09"))),
            HolidayPeriod(name: "ete", days: DateRange(date("2027-07-03"), date("2027-08-31"))),
        ],
        publicHolidays: Set(
            [
                "2026-11-01", "2026-11-11", "2026-12-25", "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06",
                "2027-05-08", "2027-05-17", "2027-07-14", "2027-08-15",
            ].map(date)
        )
    )

    static func check(
        _ pack: RulePackID,
        born birthDate: String,
        attendsSchool: Bool = true,
        diploma: Bool = false,
        calendar: SchoolCalendar? = nil,
        context: JobContext = JobContext(),
        options: RulePackOptions = RulePackOptions(),
        policy: ProgramPolicy? = nil,
        existing: [String] = [],
        sessions: [String] = [],
        proposed: String,
        proposedKind: WorkKind = .work
    ) -> ComplianceResult {
        let calendar =
            calendar
            ?? {
                switch pack {
                case .quebec: quebecCalendar()
                case .flsa: usCalendar
                case .france: franceCalendar
                }
            }()
        return ComplianceEngine().evaluate(
            ComplianceCase(
                rulePack: pack,
                options: options,
                policy: policy,
                person: Person(birthDate: date(birthDate), attendsSchool: attendsSchool, diplomaObtained: diploma),
                calendar: calendar,
                context: context,
                existing: existing.map { interval($0) } + sessions.map { interval($0, .awarenessSession) },
                proposed: interval(proposed, proposedKind)
            )
        )
    }
}

extension String {
    fileprivate func replacingFirstSpace() -> String {
        guard let space = firstIndex(of: " ") else { return self }
        return self[..<space] + "T" + self[index(after: space)...]
    }
}

extension ComplianceResult {
    var rules: Set<String> { Set(violations.map(\.rule.rawValue)) }
}
