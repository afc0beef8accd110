/// When a participant can work: recurring weekly windows, and dated exceptions that take a day
/// (or part of it) away or add a window to it. No window at all means no restriction recorded.
public struct Availability: Hashable, Sendable {
    public var windows: [WeeklyWindow]
    public var exceptions: [Exception]

    public init(windows: [WeeklyWindow] = [], exceptions: [Exception] = []) {
        self.windows = windows
        self.exceptions = exceptions
    }

    /// A dated change: unavailable all day (no times), unavailable in a window, or available in one.
    public struct Exception: Hashable, Sendable {
        public var date: LocalDate
        public var available: Bool
        public var start: LocalTime?
        public var end: LocalTime?
        public var note: String?

        public init(
            date: LocalDate,
            available: Bool,
            start: LocalTime? = nil,
            end: LocalTime? = nil,
            note: String? = nil
        ) {
            self.date = date
            self.available = available
            self.start = start
            self.end = end
            self.note = note
        }

        /// Parses `YYYY-MM-DD` (the whole day) or `YYYY-MM-DD HH:MM-HH:MM`.
        public init(text: String, available: Bool, field: String) throws(RecordError) {
            let parts = text.split(whereSeparator: \.isWhitespace)
            guard let first = parts.first, parts.count <= 2, let date = LocalDate(iso: first) else {
                throw RecordError(
                    field: field,
                    "\"\(text)\" is not a date, or a date and hours such as \"2026-12-24 09:00-12:00\""
                )
            }
            var start: LocalTime?
            var end: LocalTime?
            if parts.count == 2 {
                let times = parts[1].split(separator: "-", omittingEmptySubsequences: false)
                guard times.count == 2, let from = LocalTime(iso: times[0]), let to = LocalTime(iso: times[1]),
                    from < to
                else { throw RecordError(field: field, "\"\(parts[1])\" is not an HH:MM-HH:MM window") }
                start = from
                end = to
            } else if available {
                throw RecordError(
                    field: field,
                    "say when on \(date) the participant is available, such as \"\(date) 09:00-12:00\""
                )
            }
            self.init(date: date, available: available, start: start, end: end)
        }

        public var description: String {
            guard let start, let end else { return "\(date)" }
            return "\(date) \(start)-\(end)"
        }
    }

    /// Whether `[start, end)` on `date` is available: an exception of the day decides first
    /// (unavailable overlapping it: no; available containing it: yes), then the weekly windows.
    public func allows(date: LocalDate, start: LocalTime, end: LocalTime) -> Bool {
        let ofDay = exceptions.filter { $0.date == date }
        for exception in ofDay where !exception.available {
            guard let from = exception.start, let to = exception.end else { return false }
            if start < to && from < end { return false }
        }
        if ofDay.contains(where: { $0.available && $0.start! <= start && end <= $0.end! }) { return true }
        if windows.isEmpty { return true }
        return windows.contains { $0.weekday == date.weekday && $0.contains(from: start, to: end) }
    }

    /// The windows of `date` in minutes of the day, as ``allows(date:start:end:)`` reads them: a
    /// stretch of time is allowed exactly when it lies inside one of them.
    public func windows(on date: LocalDate) -> [Range<Int>] {
        let ofDay = exceptions.filter { $0.date == date }
        var windows: [Range<Int>] =
            self.windows.isEmpty
            ? [0..<1440]
            : self.windows.filter { $0.weekday == date.weekday }.map { $0.start.minuteOfDay..<$0.end.minuteOfDay }
        for exception in ofDay where exception.available {
            if let start = exception.start, let end = exception.end {
                windows.append(start.minuteOfDay..<end.minuteOfDay)
            }
        }
        for exception in ofDay where !exception.available {
            guard let start = exception.start?.minuteOfDay, let end = exception.end?.minuteOfDay else { return [] }
            windows = windows.flatMap { window -> [Range<Int>] in
                guard window.overlaps(start..<end) else { return [window] }
                return [window.lowerBound..<start, end..<window.upperBound].filter { !$0.isEmpty }
            }
        }
        return windows
    }
}
