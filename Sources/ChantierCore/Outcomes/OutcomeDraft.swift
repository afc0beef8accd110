/// An outcome as someone records it, checked before it reaches the database.
public struct OutcomeDraft: Hashable, Sendable {
    public var participantID: Int
    public var enrollmentID: Int?
    public var observedOn: LocalDate
    public var situation: Outcome.Situation
    public var diplomaLevel: Outcome.DiplomaLevel?
    public var source: Outcome.Source
    public var note: String?

    /// - Throws: ``RecordError`` when a diploma has no level (or another situation has one), the
    ///   date is after `today`, or the note is too long.
    public init(
        participantID: Int,
        enrollmentID: Int?,
        observedOn: LocalDate,
        situation: Outcome.Situation,
        diplomaLevel: Outcome.DiplomaLevel?,
        source: Outcome.Source,
        note: String?,
        today: LocalDate
    ) throws(RecordError) {
        guard (situation == .diplomaObtained) == (diplomaLevel != nil) else {
            throw RecordError(
                field: "diploma_level",
                situation == .diplomaObtained
                    ? "say which diploma: secondary, vocational, college or university"
                    : "a diploma level goes only with the situation diploma_obtained"
            )
        }
        guard observedOn <= today else {
            throw RecordError(field: "observed_on", "\(observedOn) is in the future; record what was observed")
        }
        self.participantID = participantID
        self.enrollmentID = enrollmentID
        self.observedOn = observedOn
        self.situation = situation
        self.diplomaLevel = diplomaLevel
        self.source = source
        self.note = try RecordFields.optionalText(note, field: "note")
    }
}
