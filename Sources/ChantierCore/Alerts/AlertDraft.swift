/// Something a person should act on, raised once: its key says what it is about, so the same
/// breach, missing timesheet or expiring paper is never raised twice.
public struct AlertDraft: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Logged time broke a rule.
        case limitBreach = "limit-breach"
        /// A site's week was not submitted by its deadline.
        case missingTimesheet = "missing-timesheet"
        /// A submitted week was not approved by its deadline.
        case lateApproval = "late-approval"
        /// A shift ended and an assignment on it has no hours.
        case missingHours = "missing-hours"
        case consentExpiring = "consent-expiring"
        case certificationExpiring = "certification-expiring"
        /// The daemon proposed next week's plan: a coordinator reviews and commits it.
        case planProposed = "plan-proposed"
        /// A follow-up after an exit is past its day.
        case followUpOverdue = "follow-up-overdue"
        /// A participant stopped coming: a coordinator records their exit.
        case exitProposed = "exit-proposed"
    }

    public enum Severity: String, Hashable, Sendable, CaseIterable {
        case info, warning, critical
    }

    public var kind: Kind
    public var key: String
    public var targetRole: Role
    public var severity: Severity
    /// Lower case, saying what to do.
    public var message: String
    public var participantID: Int?
    public var details: [String: String]

    public init(
        kind: Kind,
        key: String,
        targetRole: Role,
        severity: Severity = .warning,
        message: String,
        participantID: Int? = nil,
        details: [String: String] = [:]
    ) {
        self.kind = kind
        self.key = key
        self.targetRole = targetRole
        self.severity = severity
        self.message = message
        self.participantID = participantID
        self.details = details
    }
}
