/// A planned contact with someone who left a program, a number of days after their exit, to learn
/// their situation; done when the contact was made (or tried), usually with an outcome recorded.
public struct FollowUp: Hashable, Sendable {
    public var id: Int
    public var enrollmentID: Int
    public var participantID: Int
    public var participantName: String
    public var programCode: String
    public var exitOn: LocalDate
    public var offsetDays: Int
    public var due: LocalDate
    public var doneOn: LocalDate?
    public var outcomeID: Int?
    public var note: String?

    public init(
        id: Int,
        enrollmentID: Int,
        participantID: Int,
        participantName: String,
        programCode: String,
        exitOn: LocalDate,
        offsetDays: Int,
        due: LocalDate,
        doneOn: LocalDate?,
        outcomeID: Int?,
        note: String?
    ) {
        self.id = id
        self.enrollmentID = enrollmentID
        self.participantID = participantID
        self.participantName = participantName
        self.programCode = programCode
        self.exitOn = exitOn
        self.offsetDays = offsetDays
        self.due = due
        self.doneOn = doneOn
        self.outcomeID = outcomeID
        self.note = note
    }

    /// Whether it is past its day and not done on `today`.
    public func isOverdue(today: LocalDate) -> Bool {
        doneOn == nil && due < today
    }
}
