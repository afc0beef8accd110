/// A statistic as a user asks for it: the period, the groups, the filters.
public struct StatisticRequest: Hashable, Sendable {
    public var statistic: Statistic
    /// Exits, work, weeks or entries in this range (for return to school, the school year).
    public var period: DateRange
    public var by: [StatisticDimension]
    public var program: String?
    /// The participant's sector (for hours: the site's).
    public var sector: String?
    public var sex: String?
    /// Ages on the statistic's reference day (the exit, the start of the school year or period).
    public var ages: ClosedRange<Int>?
    /// Return to work: days after the exit an outcome counts.
    public var withinDays: Int
    /// Retention: marks that have not passed by this day are not counted.
    public var today: LocalDate

    public init(
        statistic: Statistic,
        period: DateRange,
        by: [StatisticDimension],
        program: String? = nil,
        sector: String? = nil,
        sex: String? = nil,
        ages: ClosedRange<Int>? = nil,
        withinDays: Int = 180,
        today: LocalDate
    ) {
        self.statistic = statistic
        self.period = period
        self.by = by
        self.program = program
        self.sector = sector
        self.sex = sex
        self.ages = ages
        self.withinDays = withinDays
        self.today = today
    }

    /// The school year (1 July to 30 June) that starts in `year`.
    public static func schoolYear(startingIn year: Int) -> DateRange? {
        guard let first = LocalDate(year: year, month: 7, day: 1),
            let last = LocalDate(year: year + 1, month: 6, day: 30)
        else { return nil }
        return DateRange(first, last)
    }

    /// The latest school year whose next school year has ended by `today`: the latest one whose
    /// return to school is known.
    public static func lastMeasurableSchoolYear(today: LocalDate) -> Int {
        today.month > 6 ? today.year - 2 : today.year - 3
    }

    /// `18-24`, `16-17`, `55+` or `15`.
    public static func ages(_ text: String) throws(RecordError) -> ClosedRange<Int> {
        let text = text.trimmed
        let bounds: (Int?, Int?)
        if text.hasSuffix("+") {
            bounds = (Int(text.dropLast()), 150)
        } else if let dash = text.firstIndex(of: "-") {
            bounds = (Int(text[..<dash]), Int(text[text.index(after: dash)...]))
        } else {
            bounds = (Int(text), Int(text))
        }
        guard let low = bounds.0, let high = bounds.1, 0 <= low, low <= high, high <= 150 else {
            throw RecordError(field: "age", "\"\(text)\" is not an age range; use 18-24, 16-17, 55+ or 15")
        }
        return low...high
    }

    /// What was asked, for printing beside the figures.
    public var parameters: [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = [("period", "\(period.first) to \(period.last)")]
        if statistic == .returnToWork { parameters.append(("within_days", "\(withinDays)")) }
        if let program { parameters.append(("program", program)) }
        if let sector { parameters.append(("sector", sector)) }
        if let sex { parameters.append(("sex", sex)) }
        if let ages { parameters.append(("age", "\(ages.lowerBound)-\(ages.upperBound)")) }
        if !by.isEmpty { parameters.append(("by", by.map(\.rawValue).joined(separator: ","))) }
        return parameters
    }
}
