/// A site's week of hours (Monday to Sunday): open while supervisors log, submitted by a
/// supervisor, approved by a coordinator (which locks it), or reopened with a reason.
public struct WeekClosure: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case open, submitted, approved, reopened

        /// Approved weeks accept only an admin's correction.
        public var isLocked: Bool { self == .approved }
    }

    public var siteCode: String
    public var week: DateRange
    public var status: Status
    public var submittedBy: String?
    public var approvedBy: String?
    public var acknowledgement: String?
    public var reopenReason: String?
    /// Current entries of the week at the site, and how many carry flags.
    public var entries: Int
    public var flaggedEntries: Int

    public init(
        siteCode: String,
        week: DateRange,
        status: Status,
        submittedBy: String? = nil,
        approvedBy: String? = nil,
        acknowledgement: String? = nil,
        reopenReason: String? = nil,
        entries: Int = 0,
        flaggedEntries: Int = 0
    ) {
        self.siteCode = siteCode
        self.week = week
        self.status = status
        self.submittedBy = submittedBy
        self.approvedBy = approvedBy
        self.acknowledgement = acknowledgement
        self.reopenReason = reopenReason
        self.entries = entries
        self.flaggedEntries = flaggedEntries
    }

    /// The Monday-to-Sunday week of `date`.
    public static func week(of date: LocalDate) -> DateRange {
        let monday = date.startOfWeek(beginningOn: .monday)
        return DateRange(monday, monday.adding(days: 6))
    }
}

/// When a week's hours are due: submitted by a weekday and time at the end of the week (Sunday
/// 23:59 by default), approved by one after it (Monday 17:00).
public struct WeekDeadlines: Hashable, Sendable {
    public struct Deadline: Hashable, Sendable, CustomStringConvertible {
        public var weekday: Weekday
        public var time: LocalTime

        public init(weekday: Weekday, time: LocalTime) {
            self.weekday = weekday
            self.time = time
        }

        /// Parses `sunday 23:59` (English or French day).
        public init?(text: some StringProtocol) {
            let parts = text.split(whereSeparator: \.isWhitespace)
            guard parts.count == 2, let weekday = Weekday(loose: parts[0]), let time = LocalTime(iso: parts[1]) else {
                return nil
            }
            self.init(weekday: weekday, time: time)
        }

        public var description: String { "\(weekday.name) \(time)" }

        /// The first such moment on or after the last day (Sunday) of `week`.
        public func moment(after week: DateRange) -> LocalDateTime {
            let offset = (weekday.isoNumber - week.last.weekday.isoNumber + 7) % 7
            return LocalDateTime(date: week.last.adding(days: offset), time: time)
        }
    }

    public var submit: Deadline
    public var approve: Deadline

    public init(
        submit: Deadline = Deadline(weekday: .sunday, time: LocalTime(hour: 23, minute: 59)!),
        approve: Deadline = Deadline(weekday: .monday, time: LocalTime(hour: 17)!)
    ) {
        self.submit = submit
        self.approve = approve
    }
}
