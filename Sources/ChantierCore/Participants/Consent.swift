/// A paper the rule packs read: the CNESST consent form for a Québec under-14 (the tasks, a weekly
/// maximum, the availability), a French guardian's agreement, a labour inspector's authorization.
public struct Consent: Hashable, Sendable {
    public var id: Int
    public var kind: Kind
    public var guardianID: Int?
    public var documentReference: String?
    public var signedOn: LocalDate
    public var expiresOn: LocalDate?
    public var revokedOn: LocalDate?
    public var maxMinutesPerWeek: Int?
    /// Task codes the paper lists; empty when it lists none.
    public var tasks: [String]
    /// The availability the paper states; `nil` when it states none.
    public var availability: [WeeklyWindow]?

    public init(
        id: Int,
        kind: Kind,
        guardianID: Int? = nil,
        documentReference: String? = nil,
        signedOn: LocalDate,
        expiresOn: LocalDate? = nil,
        revokedOn: LocalDate? = nil,
        maxMinutesPerWeek: Int? = nil,
        tasks: [String] = [],
        availability: [WeeklyWindow]? = nil
    ) {
        self.id = id
        self.kind = kind
        self.guardianID = guardianID
        self.documentReference = documentReference
        self.signedOn = signedOn
        self.expiresOn = expiresOn
        self.revokedOn = revokedOn
        self.maxMinutesPerWeek = maxMinutesPerWeek
        self.tasks = tasks
        self.availability = availability
    }

    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case quebecUnder14 = "qc_cnesst_under_14"
        case franceGuardianAgreement = "fr_guardian_agreement"
        case franceInspectorAuthorization = "fr_inspector_authorization"
        case programConsent = "program_consent"
    }

    /// Signed on or before `date`, not expired and not revoked by then.
    public func isValid(on date: LocalDate) -> Bool {
        signedOn <= date && (expiresOn.map { date <= $0 } ?? true) && (revokedOn.map { date < $0 } ?? true)
    }

    /// The consent as the rule packs read it.
    public var guardianConsent: JobContext.GuardianConsent {
        JobContext.GuardianConsent(
            onFile: true,
            maxMinutesPerWeek: maxMinutesPerWeek,
            tasks: tasks.isEmpty ? nil : Set(tasks),
            availability: availability
        )
    }
}

extension Consent {
    /// Checks a consent as recorded: dates in order, a plausible weekly maximum, distinct tasks.
    public func validated() throws(RecordError) -> Consent {
        var consent = self
        if let expiresOn, expiresOn < signedOn {
            throw RecordError(field: "expires_on", "\(expiresOn) is before the signature \(signedOn)")
        }
        if let maxMinutesPerWeek {
            _ = try RecordFields.integer(maxMinutesPerWeek, field: "max_minutes_per_week", in: 0...(60 * 60))
        }
        consent.tasks = try RecordFields.names(tasks, field: "tasks")
        consent.documentReference = try RecordFields.optionalText(documentReference, field: "document", maximum: 200)
        return consent
    }
}
