/// When the people who left a program are asked what became of them, and when someone who stopped
/// coming is proposed for exit: a pure function of the dates it is given, so tests drive it with
/// the day they choose.
public struct FollowUpSchedule: Hashable, Sendable {
    /// Days after an exit at which its follow-ups are due (default 90, 180 and 365).
    public var offsetsDays: [Int]
    /// A participant with no hours and no assignment for this many days is proposed for exit,
    /// dated at their last day of activity; `nil` turns the soft exit off.
    public var softExitDays: Int?

    public init(offsetsDays: [Int] = [90, 180, 365], softExitDays: Int? = 90) {
        self.offsetsDays = Array(Set(offsetsDays.filter { $0 > 0 })).sorted()
        self.softExitDays = softExitDays
    }

    /// The follow-ups of an exit on `exit`: one per offset.
    public func dueDates(afterExitOn exit: LocalDate) -> [(offsetDays: Int, due: LocalDate)] {
        offsetsDays.map { ($0, exit.adding(days: $0)) }
    }

    /// The earliest exit still followed on `today`: older exits are past their last follow-up,
    /// so enabling follow-ups never floods the coordinators with years of overdue calls.
    public func earliestFollowedExit(today: LocalDate) -> LocalDate {
        today.adding(days: -(offsetsDays.last ?? 0))
    }

    /// The alerts due on `today`: follow-ups past their day, and stays without activity.
    public func alerts(today: LocalDate, pending: [PendingFollowUp], inactive: [InactiveStay]) -> [AlertDraft] {
        var alerts: [AlertDraft] = []
        for followUp in pending where followUp.due < today {
            alerts.append(
                AlertDraft(
                    kind: .followUpOverdue,
                    key: "follow-up-overdue:\(followUp.id)",
                    targetRole: .coordinator,
                    message: "the \(followUp.offsetDays)-day follow-up of \(followUp.participantName) after "
                        + "\(followUp.programCode) was due on \(followUp.due); contact them and record it with "
                        + "chantierctl followup done \(followUp.id)",
                    participantID: followUp.participantID,
                    details: [
                        "follow_up": "\(followUp.id)", "program": followUp.programCode, "due": "\(followUp.due)",
                    ]
                )
            )
        }
        guard let softExitDays else { return alerts }
        for stay in inactive where stay.lastActivity.adding(days: softExitDays) <= today {
            alerts.append(
                AlertDraft(
                    kind: .exitProposed,
                    key: "exit-proposed:\(stay.enrollmentID):\(stay.lastActivity)",
                    targetRole: .coordinator,
                    severity: .info,
                    message: "\(stay.participantName) has had no hours and no assignment in \(stay.programCode) "
                        + "since \(stay.lastActivity); record their exit with chantierctl exit "
                        + "\(stay.participantID) \(stay.programCode) --on \(stay.lastActivity) --reason lost_contact "
                        + "(or another reason), or plan work for them",
                    participantID: stay.participantID,
                    details: [
                        "enrollment": "\(stay.enrollmentID)", "program": stay.programCode,
                        "exit_on": "\(stay.lastActivity)",
                    ]
                )
            )
        }
        return alerts
    }
}

/// A follow-up not done yet.
public struct PendingFollowUp: Hashable, Sendable {
    public var id: Int
    public var participantID: Int
    public var participantName: String
    public var programCode: String
    public var offsetDays: Int
    public var due: LocalDate

    public init(
        id: Int,
        participantID: Int,
        participantName: String,
        programCode: String,
        offsetDays: Int,
        due: LocalDate
    ) {
        self.id = id
        self.participantID = participantID
        self.participantName = participantName
        self.programCode = programCode
        self.offsetDays = offsetDays
        self.due = due
    }
}

/// A stay in a program not ended, with the last day its participant worked or was assigned
/// (or the day it started, when they never were).
public struct InactiveStay: Hashable, Sendable {
    public var enrollmentID: Int
    public var participantID: Int
    public var participantName: String
    public var programCode: String
    public var lastActivity: LocalDate

    public init(
        enrollmentID: Int,
        participantID: Int,
        participantName: String,
        programCode: String,
        lastActivity: LocalDate
    ) {
        self.enrollmentID = enrollmentID
        self.participantID = participantID
        self.participantName = participantName
        self.programCode = programCode
        self.lastActivity = lastActivity
    }
}
