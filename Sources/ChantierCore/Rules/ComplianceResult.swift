/// The engine's answer: the rules the proposal breaks, softer warnings, and what the person may
/// still work on the proposal's day and week.
public struct ComplianceResult: Sendable, Hashable {
    /// Every rule that adding the proposal breaks, in the order of the rule tables.
    public var violations: [Violation]
    /// Rules that are not prohibitions (targets, the right to refuse, "disproportionate" work).
    public var warnings: [Violation]
    /// Every limit that applies to the proposal's days and weeks, with what is already used.
    public var allowances: [Allowance]

    public init(violations: [Violation] = [], warnings: [Violation] = [], allowances: [Allowance] = []) {
        self.violations = violations
        self.warnings = warnings
        self.allowances = allowances
    }

    /// True exactly when nothing is violated.
    public var allowed: Bool { violations.isEmpty }

    /// The rule ids violated.
    public var violatedRules: [RuleID] { violations.map(\.rule) }
}

/// A rule broken, with what happened and how to fix it. Messages are lowercase and say what to do.
public struct Violation: Hashable, Sendable {
    public var rule: RuleID
    public var message: String
    public var remediation: String
    /// The day concerned, when the rule is about one day.
    public var date: LocalDate?

    public init(rule: RuleID, message: String, remediation: String, date: LocalDate? = nil) {
        self.rule = rule
        self.message = message
        self.remediation = remediation
        self.date = date
    }
}

/// A limit in force over a day, the weekdays of a week, or a week, with the minutes already used
/// by the existing intervals.
public struct Allowance: Hashable, Sendable {
    public enum Scope: Hashable, Sendable {
        case day(LocalDate)
        /// Monday to Friday of a week (the days given).
        case weekdays(DateRange)
        case week(DateRange)
    }

    public var rule: RuleID
    public var scope: Scope
    public var limitMinutes: Int
    public var usedMinutes: Int

    public init(rule: RuleID, scope: Scope, limitMinutes: Int, usedMinutes: Int) {
        self.rule = rule
        self.scope = scope
        self.limitMinutes = limitMinutes
        self.usedMinutes = usedMinutes
    }

    public var remainingMinutes: Int { max(0, limitMinutes - usedMinutes) }
}
