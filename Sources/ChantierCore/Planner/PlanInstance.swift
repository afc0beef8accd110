public import Foundation

/// A `chantier-plan/1` instance (`../shared/bench/SPEC.md`): one week of participants, with their
/// availability, fixed time and resolved limits, and shifts with their demand and priority.
public struct PlanInstance: Sendable {
    public struct Interval: Hashable, Sendable {
        /// Minutes from the week's Monday 00:00, half-open.
        public var start: Int
        public var end: Int

        public func overlaps(_ other: Interval) -> Bool { start < other.end && other.start < end }
        public func contains(_ other: Interval) -> Bool { start <= other.start && other.end <= end }
    }

    public struct Participant: Sendable {
        public var id: String
        public var birthDate: LocalDate
        public var sector: String
        public var skills: Set<String>
        public var availability: [Interval]
        public var fixed: [Interval]
        public var targetMinutes: Int
        public var weekMaxMinutes: Int
        public var weekdayMaxMinutes: Int?
        /// Caps by day of the week, 0 (Monday) to 6.
        public var dayMaxMinutes: [Int: Int]
        /// `nil`: anywhere.
        public var allowed: [Interval]?
    }

    public struct Shift: Sendable {
        public var id: String
        public var interval: Interval
        /// 0 (Monday) to 6.
        public var day: Int
        public var sector: String
        public var skills: Set<String>
        public var minimumAge: Int
        public var demand: Int
        public var priority: Int
        /// Informational: the site and the task.
        public var site: String?
        public var task: String?

        public var minutes: Int { interval.end - interval.start }
    }

    /// The objective's weights, exact.
    public struct Weights: Sendable {
        public var coverage: Decimal = 1000
        public var shortfallPerHour: Decimal = 10
        public var crossSector: Decimal = 1

        public init() {}
    }

    public var weekStart: LocalDate
    public var participants: [Participant]
    public var shifts: [Shift]
    public var weights: Weights

    public init(weekStart: LocalDate, participants: [Participant], shifts: [Shift], weights: Weights = Weights()) {
        self.weekStart = weekStart
        self.participants = participants
        self.shifts = shifts
        self.weights = weights
    }

    /// Minutes of `intervals` on each day of the week, Monday (0) to Sunday (6).
    static func minutesByDay(_ intervals: [Interval]) -> [Int] {
        (0..<7).map { day in
            intervals.reduce(0) { $0 + max(0, min($1.end, (day + 1) * 1440) - max($1.start, day * 1440)) }
        }
    }

    /// The day of the week (0 is Monday) a minute of the week falls on.
    static func day(of minute: Int) -> Int { minute / 1440 }
}

/// Why an instance or its file cannot be planned: the field at fault and what is wrong.
public struct PlanInstanceError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = QuotedText.bounded(message)
    }

    public var description: String { message }
}
