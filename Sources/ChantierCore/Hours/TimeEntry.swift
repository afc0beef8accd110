/// Time a participant actually worked, as a supervisor logged it: a fact of the ledger. An entry
/// is never changed; a correction is a new entry that supersedes it, with a reason.
public struct TimeEntry: Hashable, Sendable {
    public var id: Int
    public var participantID: Int
    public var participantName: String
    public var siteCode: String
    public var assignmentID: Int?
    public var shiftID: Int?
    public var programCode: String?
    public var kind: WorkKind
    /// Local wall-clock start and end; ``minutes`` is the real length between them.
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var minutes: Int
    public var breakMinutes: Int
    /// The local day the entry starts on: its week is this day's.
    public var workDate: LocalDate { start.date }
    /// The entry this one corrects.
    public var supersedes: Int?
    /// A correction saying the superseded entry did not happen.
    public var voids: Bool
    public var reason: String?
    /// The rules the entry broke when it was recorded.
    public var flags: [RuleID]
    public var note: String?
    /// When and by whom it was recorded (local time).
    public var recordedAt: LocalDateTime
    public var recordedBy: String
    /// Not superseded by a later entry.
    public var current: Bool

    public init(
        id: Int,
        participantID: Int,
        participantName: String,
        siteCode: String,
        assignmentID: Int? = nil,
        shiftID: Int? = nil,
        programCode: String? = nil,
        kind: WorkKind = .work,
        start: LocalDateTime,
        end: LocalDateTime,
        minutes: Int,
        breakMinutes: Int = 0,
        supersedes: Int? = nil,
        voids: Bool = false,
        reason: String? = nil,
        flags: [RuleID] = [],
        note: String? = nil,
        recordedAt: LocalDateTime,
        recordedBy: String,
        current: Bool = true
    ) {
        self.id = id
        self.participantID = participantID
        self.participantName = participantName
        self.siteCode = siteCode
        self.assignmentID = assignmentID
        self.shiftID = shiftID
        self.programCode = programCode
        self.kind = kind
        self.start = start
        self.end = end
        self.minutes = minutes
        self.breakMinutes = breakMinutes
        self.supersedes = supersedes
        self.voids = voids
        self.reason = reason
        self.flags = flags
        self.note = note
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.current = current
    }

    /// The minutes worked: the real length less the break.
    public var workedMinutes: Int { voids ? 0 : minutes - breakMinutes }

    /// The entry as the rule packs count it. A break, whose time is not recorded, is taken in the
    /// middle of the entry: two intervals on either side of it.
    public var intervals: [WorkInterval] {
        guard !voids else { return [] }
        return Self.workIntervals(start: start, end: end, minutes: minutes, breakMinutes: breakMinutes, kind: kind)
    }

    /// Time worked from `start` to `end` (`minutes` real minutes) with a break, as the rule packs
    /// count it: the break in the middle.
    public static func workIntervals(
        start: LocalDateTime,
        end: LocalDateTime,
        minutes: Int,
        breakMinutes: Int,
        kind: WorkKind
    ) -> [WorkInterval] {
        let whole = WorkInterval.real(start: start, end: end, minutes: minutes, kind: kind)
        let wall = start.minutes(until: end)
        guard breakMinutes > 0, breakMinutes < wall else { return [whole] }
        let first = (wall - breakMinutes) / 2
        let resume = first + breakMinutes
        guard first > 0 else { return [whole] }
        let change = whole.clockChange
        let firstEnd = start.adding(minutes: first)
        let secondStart = start.adding(minutes: resume)
        // A change of the clocks is counted in the part of the day it falls in: the first part.
        return [
            WorkInterval(start: start, end: firstEnd, kind: kind, clockChange: change),
            WorkInterval(start: secondStart, end: end, kind: kind),
        ]
    }
}
