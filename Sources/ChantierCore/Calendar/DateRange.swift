/// An inclusive range of days, such as a holiday period or the days a calendar covers.
public struct DateRange: Hashable, Sendable, Sequence {
    public let first: LocalDate
    public let last: LocalDate

    /// - Precondition: `first <= last`.
    public init(_ first: LocalDate, _ last: LocalDate) {
        precondition(first <= last, "a date range ends on or after its first day")
        self.first = first
        self.last = last
    }

    public var dayCount: Int { first.days(until: last) + 1 }

    public func contains(_ date: LocalDate) -> Bool { first <= date && date <= last }

    public func makeIterator() -> ClosedRange<LocalDate>.Iterator { (first...last).makeIterator() }
}

extension DateRange {
    /// The ISO 8601 week written `2026-W48`: Monday to Sunday, week 1 holding the year's first
    /// Thursday.
    public init?(isoWeek text: some StringProtocol) {
        let parts = text.uppercased().split(separator: "-W", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let week = Int(parts[1]),
            (1...53).contains(week), let january4 = LocalDate(year: year, month: 1, day: 4)
        else { return nil }
        let monday = january4.startOfWeek(beginningOn: .monday).adding(days: (week - 1) * 7)
        guard week < 53 || monday.adding(days: 3).year == year else { return nil }
        self.init(monday, monday.adding(days: 6))
    }
}

extension LocalDate {
    /// The ISO 8601 week of this date, `2026-W48`.
    public var isoWeek: String {
        let thursday = startOfWeek(beginningOn: .monday).adding(days: 3)
        let week = LocalDate(year: thursday.year, month: 1, day: 1)!.days(until: thursday) / 7 + 1
        return "\(thursday.year)-W" + (week < 10 ? "0" : "") + "\(week)"
    }
}
