extension TimeEntry {
    /// When an entry says the work happened, as a supervisor gives it: a day, local start and end
    /// times (an end at or before the start is the next day), a break and a kind.
    public struct Times: Hashable, Sendable {
        public var date: LocalDate
        public var start: LocalTime
        public var end: LocalTime
        public var breakMinutes: Int
        public var kind: WorkKind

        public init(date: LocalDate, start: LocalTime, end: LocalTime, breakMinutes: Int = 0, kind: WorkKind = .work) {
            self.date = date
            self.start = start
            self.end = end
            self.breakMinutes = breakMinutes
            self.kind = kind
        }

        /// The local start.
        public var startDateTime: LocalDateTime { LocalDateTime(date: date, time: start) }

        /// The local end: the next day when the end is not after the start (a night across midnight).
        public var endDateTime: LocalDateTime {
            LocalDateTime(date: end > start ? date : date.adding(days: 1), time: end)
        }

        /// Checks the times: at most 24 hours, a break shorter than the time worked.
        public func validated() throws(RecordError) -> Times {
            let length = startDateTime.minutes(until: endDateTime)
            guard length > 0, length <= 24 * 60 else {
                throw RecordError(field: "end", "an entry lasts more than nothing and at most 24 hours")
            }
            guard breakMinutes >= 0, breakMinutes < length else {
                throw RecordError(
                    field: "break_minutes",
                    "the break (\(breakMinutes) min) must be shorter than the \(length) min logged"
                )
            }
            return self
        }
    }

    /// The times this entry says.
    public var times: Times {
        Times(date: workDate, start: start.time, end: end.time, breakMinutes: breakMinutes, kind: kind)
    }
}
