/// A client's request for work: a task at a site, over a range of dates, on some days of the week
/// in a time window, for a number of people. Shifts are materialized from it.
public struct WorkOrder: Hashable, Sendable {
    public var id: Int
    public var details: Details
    public var status: Status
    public var closeReason: String?

    public init(id: Int, details: Details, status: Status = .open, closeReason: String? = nil) {
        self.id = id
        self.details = details
        self.status = status
        self.closeReason = closeReason
    }

    public enum Status: String, Hashable, Sendable, CaseIterable {
        case open, closed
    }

    /// What a coordinator or a CSV file gives for an order.
    public struct Details: Hashable, Sendable {
        public var title: String
        public var clientCode: String?
        public var siteCode: String
        public var taskCode: String
        public var programCode: String?
        public var firstDay: LocalDate
        /// `nil`: open-ended.
        public var lastDay: LocalDate?
        public var weekdays: Set<Weekday>
        public var start: LocalTime
        public var end: LocalTime
        public var headcount: Int
        public var requiredSkills: [String]
        public var minimumAge: Int?
        /// 1 (low) to 5 (urgent).
        public var priority: Int
        /// An adult supervises the crew at all times (a condition of Québec's under-14 exceptions).
        public var adultSupervision: Bool
        public var notes: String?
        /// Days of the recurrence without a shift.
        public var skippedDays: Set<LocalDate>

        public init(
            title: String,
            clientCode: String? = nil,
            siteCode: String,
            taskCode: String,
            programCode: String? = nil,
            firstDay: LocalDate,
            lastDay: LocalDate? = nil,
            weekdays: Set<Weekday>,
            start: LocalTime,
            end: LocalTime,
            headcount: Int = 1,
            requiredSkills: [String] = [],
            minimumAge: Int? = nil,
            priority: Int = 3,
            adultSupervision: Bool = true,
            notes: String? = nil,
            skippedDays: Set<LocalDate> = []
        ) {
            self.title = title
            self.clientCode = clientCode
            self.siteCode = siteCode
            self.taskCode = taskCode
            self.programCode = programCode
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.weekdays = weekdays
            self.start = start
            self.end = end
            self.headcount = headcount
            self.requiredSkills = requiredSkills
            self.minimumAge = minimumAge
            self.priority = priority
            self.adultSupervision = adultSupervision
            self.notes = notes
            self.skippedDays = skippedDays
        }

        /// Checks the order and trims its text.
        public func validated() throws(RecordError) -> Details {
            var details = self
            details.title = try RecordFields.text(title, field: "title")
            details.siteCode = try RecordFields.code(siteCode, field: "site")
            details.taskCode = try RecordFields.code(taskCode, field: "task")
            details.clientCode = try clientCode.map { code throws(RecordError) in
                try RecordFields.code(code, field: "client")
            }
            details.programCode = try programCode.map { code throws(RecordError) in
                try RecordFields.code(code, field: "program")
            }
            if let lastDay, lastDay < firstDay {
                throw RecordError(field: "last_day", "\(lastDay) is before the first day \(firstDay)")
            }
            guard !weekdays.isEmpty else { throw RecordError(field: "weekdays", "give at least one day of the week") }
            guard start < end else {
                throw RecordError(field: "end", "a shift ends after it starts on the same day (\(start) to \(end))")
            }
            details.headcount = try RecordFields.integer(headcount, field: "headcount", in: 1...100)
            details.priority = try RecordFields.integer(priority, field: "priority", in: 1...5)
            if let minimumAge { _ = try RecordFields.integer(minimumAge, field: "min_age", in: 0...99) }
            details.requiredSkills = try RecordFields.names(requiredSkills, field: "skills")
            details.notes = try RecordFields.optionalText(notes, field: "notes")
            return details
        }

        /// The days of `range` the order has a shift on.
        public func occurrences(in range: DateRange) -> [LocalDate] {
            let first = max(range.first, firstDay)
            let last = min(range.last, lastDay ?? range.last)
            guard first <= last else { return [] }
            return DateRange(first, last).filter { weekdays.contains($0.weekday) && !skippedDays.contains($0) }
        }
    }
}
