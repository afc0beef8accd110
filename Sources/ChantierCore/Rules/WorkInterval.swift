/// An interval worked or planned, `[start, end)` in local wall-clock time.
public struct WorkInterval: Hashable, Sendable {
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var kind: WorkKind
    /// A daylight-saving change inside the interval, if any.
    public var clockChange: ClockChange?

    /// A change of the clocks: the day it happens on and the minutes it adds to an interval
    /// across it (+60 in autumn, when clocks go back; −60 in spring).
    public struct ClockChange: Hashable, Sendable {
        public var date: LocalDate
        public var minutes: Int

        public init(date: LocalDate, minutes: Int) {
            self.date = date
            self.minutes = minutes
        }
    }

    /// - Precondition: `start < end`.
    public init(start: LocalDateTime, end: LocalDateTime, kind: WorkKind = .work, clockChange: ClockChange? = nil) {
        precondition(start < end, "an interval ends after it starts")
        self.start = start
        self.end = end
        self.kind = kind
        self.clockChange = clockChange
    }

    /// The days the interval touches (an interval ending at midnight does not touch the next day).
    public var dates: ClosedRange<LocalDate> {
        start.date...end.adding(minutes: -1).date
    }

    /// Wall-clock minutes of the interval that fall on `date`, plus a clock change on that date.
    public func minutes(on date: LocalDate) -> Int {
        let dayStart = date.daysSinceEpoch * 1440
        let overlap = max(0, min(end.minutesSinceEpoch, dayStart + 1440) - max(start.minutesSinceEpoch, dayStart))
        guard overlap > 0 else { return 0 }
        guard let clockChange, clockChange.date == date else { return overlap }
        return overlap + clockChange.minutes
    }

    /// The real length of the interval in minutes.
    public var minutes: Int {
        start.minutes(until: end) + (clockChange?.minutes ?? 0)
    }

    /// Whether the interval overlaps the wall-clock window `[from, to)` of `date`.
    public func overlaps(date: LocalDate, from: LocalTime, to: LocalTime) -> Bool {
        let windowStart = LocalDateTime(date: date, time: from)
        let windowEnd = LocalDateTime(date: date, time: to)
        return start < windowEnd && windowStart < end
    }
}
