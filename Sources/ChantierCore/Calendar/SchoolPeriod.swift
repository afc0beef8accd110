/// A stretch of a school calendar as one rule pack sees it: school period, exempt break or summer
/// (Québec), school or non-school weeks (FLSA), holidays long enough for under-16s to work (France).
public struct SchoolPeriod: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Québec and France: classes are on; the school-period limits apply.
        case schoolPeriod = "school-period"
        /// Québec: more than seven days without classes, not in summer.
        case exemptBreak = "exempt-break"
        /// Québec: the long break that includes July.
        case summer
        /// FLSA: a week with at least one school day.
        case schoolWeek = "school-week"
        /// FLSA: a week without school.
        case nonSchoolWeek = "non-school-week"
        /// France: a school-holiday period of at least 14 days.
        case holiday
        /// France: a shorter school-holiday period.
        case shortHoliday = "short-holiday"
    }

    public var days: DateRange
    public var kind: Kind
    /// What the period means for the limits, in a sentence.
    public var note: String

    public init(days: DateRange, kind: Kind, note: String) {
        self.days = days
        self.kind = kind
        self.note = note
    }

    /// The periods of `calendar` over its known range under `rulePack`, in order.
    public static func periods(of calendar: SchoolCalendar, under rulePack: RulePackID) -> [SchoolPeriod] {
        var periods: [SchoolPeriod] = []
        for date in calendar.knownRange {
            let kind = self.kind(of: date, in: calendar, under: rulePack)
            if let last = periods.last, last.kind == kind, last.days.last.adding(days: 1) == date {
                periods[periods.count - 1].days = DateRange(last.days.first, date)
            } else {
                periods.append(SchoolPeriod(days: DateRange(date, date), kind: kind, note: note(kind, under: rulePack)))
            }
        }
        return periods
    }

    private static func kind(of date: LocalDate, in calendar: SchoolCalendar, under rulePack: RulePackID) -> Kind {
        switch rulePack {
        case .quebec:
            guard calendar.isInLongBreak(date) else { return .schoolPeriod }
            return calendar.season(of: date) == .summer ? .summer : .exemptBreak
        case .flsa:
            let week = date.startOfWeek(beginningOn: calendar.weekStartsOn)
            let schoolWeek = (0..<7).contains { calendar.isClassDay(week.adding(days: $0)) }
            return schoolWeek ? .schoolWeek : .nonSchoolWeek
        case .france:
            guard let holiday = calendar.holidayPeriod(containing: date) else { return .schoolPeriod }
            return holiday.days.dayCount >= 14 ? .holiday : .shortHoliday
        }
    }

    private static func note(_ kind: Kind, under rulePack: RulePackID) -> String {
        switch kind {
        case .schoolPeriod where rulePack == .france:
            "school is on: 14–15-year-olds may not work (only during school holidays of 14 days or more)"
        case .schoolPeriod:
            "classes are on: for those subject to school attendance, 17 h a week, 10 h Monday to Friday, "
                + "nothing during class hours or 23:00–06:00"
        case .exemptBreak:
            "more than seven days without classes: Québec's 17 h / 10 h limits and the school-hours rule do not apply"
        case .summer:
            "the summer break: Québec's 17 h / 10 h limits do not apply; programs use their summer caps"
        case .schoolWeek:
            "a school week: 14–15-year-olds work at most 3 h on a school day and 18 h in the week, outside school hours"
        case .nonSchoolWeek:
            "a week without school: 14–15-year-olds work at most 8 h a day and 40 h in the week"
        case .holiday:
            "school holidays of 14 days or more: 14–15-year-olds may work, resting at least half of the holidays"
        case .shortHoliday:
            "school holidays under 14 days: 14–15-year-olds may not work"
        }
    }
}
