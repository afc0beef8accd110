/// One occurrence of a work order at a site on a day, in local time, with the people assigned.
public struct Shift: Hashable, Sendable {
    public var id: Int
    public var orderID: Int?
    public var title: String
    public var siteCode: String
    public var siteName: String
    public var sectorCode: String
    public var taskCode: String
    public var programCode: String?
    public var date: LocalDate
    /// Local wall-clock start and end; ``minutes`` is the real length (a change of the clocks
    /// inside the shift makes it differ from the wall-clock one).
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var minutes: Int
    /// The start and end in UTC, which tell apart shifts at the same local time on either side of
    /// a change of the clocks.
    public var startUTC: LocalDateTime
    public var endUTC: LocalDateTime
    public var headcount: Int
    public var requiredSkills: [String]
    public var minimumAge: Int?
    public var priority: Int
    public var status: Status
    public var cancelReason: String?
    public var assignments: [Assignment]

    public init(
        id: Int,
        orderID: Int?,
        title: String,
        siteCode: String,
        siteName: String,
        sectorCode: String,
        taskCode: String,
        programCode: String?,
        date: LocalDate,
        start: LocalDateTime,
        end: LocalDateTime,
        minutes: Int,
        startUTC: LocalDateTime,
        endUTC: LocalDateTime,
        headcount: Int,
        requiredSkills: [String] = [],
        minimumAge: Int? = nil,
        priority: Int = 3,
        status: Status = .open,
        cancelReason: String? = nil,
        assignments: [Assignment] = []
    ) {
        self.id = id
        self.orderID = orderID
        self.title = title
        self.siteCode = siteCode
        self.siteName = siteName
        self.sectorCode = sectorCode
        self.taskCode = taskCode
        self.programCode = programCode
        self.date = date
        self.start = start
        self.end = end
        self.minutes = minutes
        self.startUTC = startUTC
        self.endUTC = endUTC
        self.headcount = headcount
        self.requiredSkills = requiredSkills
        self.minimumAge = minimumAge
        self.priority = priority
        self.status = status
        self.cancelReason = cancelReason
        self.assignments = assignments
    }

    public enum Status: String, Hashable, Sendable, CaseIterable {
        case open, cancelled
    }

    /// The interval as the rule packs read it: local times, and the clock change inside it.
    public var interval: WorkInterval {
        WorkInterval.real(start: start, end: end, minutes: minutes, kind: .work)
    }

    /// The assignments that hold a place (assigned or confirmed, or already worked).
    public var activeAssignments: [Assignment] {
        assignments.filter(\.status.holdsPlace)
    }
}

extension WorkInterval {
    /// An interval from local wall-clock times and its real length in minutes: a difference
    /// between the two is a change of the clocks on the start day.
    public static func real(start: LocalDateTime, end: LocalDateTime, minutes: Int, kind: WorkKind) -> WorkInterval {
        let wall = start.minutes(until: end)
        return WorkInterval(
            start: start,
            end: end,
            kind: kind,
            clockChange: wall == minutes ? nil : .init(date: start.date, minutes: minutes - wall)
        )
    }
}
