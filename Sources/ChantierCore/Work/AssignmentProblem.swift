/// Why a participant cannot be put on a shift: a structural reason (the shift is full, they are
/// not available) or a rule of the law or of the program, with what would fix it.
public struct AssignmentProblem: Hashable, Sendable, CustomStringConvertible {
    /// Stable kebab-case kinds, shown to API clients as they are.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case shiftCancelled = "shift-cancelled"
        case participantArchived = "participant-archived"
        case alreadyAssigned = "already-assigned"
        case shiftFull = "shift-full"
        case overlap
        case notAvailable = "not-available"
        case missingSkill = "missing-skill"
        case belowMinimumAge = "below-minimum-age"
        case notEnrolled = "not-enrolled"
        case calendarMissing = "calendar-missing"
        case calendarNotCovering = "calendar-not-covering"
        /// A rule of the legal pack or of the program policy; ``AssignmentProblem/rule`` names it.
        case ruleViolation = "rule-violation"
    }

    public var kind: Kind
    public var rule: RuleID?
    public var message: String
    public var remediation: String

    public init(_ kind: Kind, rule: RuleID? = nil, message: String, remediation: String) {
        self.kind = kind
        self.rule = rule
        self.message = message
        self.remediation = remediation
    }

    /// `QC-SCHOOL-HOURS: message — remediation` or `shift-full: message — remediation`.
    public var description: String {
        "\(rule?.rawValue ?? kind.rawValue): \(message) — \(remediation)"
    }
}
