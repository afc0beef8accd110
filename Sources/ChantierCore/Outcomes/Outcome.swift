/// A participant's situation on a date, after (or during) a program: the fact the statistics of
/// return to work and return to school are computed from.
public struct Outcome: Hashable, Sendable {
    public enum Situation: String, Hashable, Sendable, CaseIterable {
        case employedFullTime = "employed_full_time"
        case employedPartTime = "employed_part_time"
        case selfEmployed = "self_employed"
        case inTraining = "in_training"
        case inSchoolReturned = "in_school_returned"
        case inSchoolStayed = "in_school_stayed"
        case diplomaObtained = "diploma_obtained"
        case seekingWork = "seeking_work"
        case moved
        case leftSocialHousing = "left_social_housing"
        case lostContact = "lost_contact"
        case other
    }

    public enum DiplomaLevel: String, Hashable, Sendable, CaseIterable {
        case secondary, vocational, college, university
    }

    /// Who says so: the participant, or a document or third party that was checked.
    public enum Source: String, Hashable, Sendable, CaseIterable {
        case selfReported = "self_reported"
        case verified
    }

    public var id: Int
    public var participantID: Int
    public var participantName: String
    /// The enrollment it follows, and its program.
    public var enrollmentID: Int?
    public var programCode: String?
    public var observedOn: LocalDate
    public var situation: Situation
    public var diplomaLevel: DiplomaLevel?
    public var source: Source
    public var note: String?
    public var recordedBy: String

    public init(
        id: Int,
        participantID: Int,
        participantName: String,
        enrollmentID: Int?,
        programCode: String?,
        observedOn: LocalDate,
        situation: Situation,
        diplomaLevel: DiplomaLevel?,
        source: Source,
        note: String?,
        recordedBy: String
    ) {
        self.id = id
        self.participantID = participantID
        self.participantName = participantName
        self.enrollmentID = enrollmentID
        self.programCode = programCode
        self.observedOn = observedOn
        self.situation = situation
        self.diplomaLevel = diplomaLevel
        self.source = source
        self.note = note
        self.recordedBy = recordedBy
    }
}
