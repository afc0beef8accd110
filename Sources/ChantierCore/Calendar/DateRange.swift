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
