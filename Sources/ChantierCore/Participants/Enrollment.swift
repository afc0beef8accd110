/// A participant's stay in a program, from a date until an exit with its reason.
public struct Enrollment: Hashable, Sendable {
    public var id: Int
    public var programCode: String
    public var startsOn: LocalDate
    public var exitOn: LocalDate?
    public var exitReason: ExitReason?
    public var exitNote: String?

    public init(
        id: Int,
        programCode: String,
        startsOn: LocalDate,
        exitOn: LocalDate? = nil,
        exitReason: ExitReason? = nil,
        exitNote: String? = nil
    ) {
        self.id = id
        self.programCode = programCode
        self.startsOn = startsOn
        self.exitOn = exitOn
        self.exitReason = exitReason
        self.exitNote = exitNote
    }

    /// From the start to the exit day, both included.
    public func isActive(on date: LocalDate) -> Bool {
        startsOn <= date && (exitOn.map { date <= $0 } ?? true)
    }

    public enum ExitReason: String, Hashable, Sendable, CaseIterable {
        case jobFound = "job_found"
        case returnedToSchool = "returned_to_school"
        case moved
        case lostContact = "lost_contact"
        case other
    }
}
