/// A `chantier-check-result/1` document: the engine's answer as JSON.
///
/// `allowed` and `violations` are the format's; `warnings`, `allowances` and `remaining` are
/// Chantier's additions (soft rules, every limit in force with what is used, and what may still
/// be worked on the proposal's day and in its week).
public struct CheckResultDocument: Encodable, Sendable {
    public var format = "chantier-check-result/1"
    public var allowed: Bool
    public var violations: [Entry]
    public var warnings: [Entry]
    public var allowances: [AllowanceEntry]
    public var remaining: Remaining

    public struct Entry: Encodable, Sendable {
        public var rule: String
        public var message: String
        public var remediation: String
        public var date: LocalDate?
    }

    public struct AllowanceEntry: Encodable, Sendable {
        public var rule: String
        public var scope: String
        public var from: LocalDate
        public var to: LocalDate
        public var limitMinutes: Int
        public var usedMinutes: Int
        public var remainingMinutes: Int

        enum CodingKeys: String, CodingKey {
            case rule, scope, from, to
            case limitMinutes = "limit_minutes"
            case usedMinutes = "used_minutes"
            case remainingMinutes = "remaining_minutes"
        }
    }

    public struct Remaining: Encodable, Sendable {
        public var dayMinutes: Int?
        public var weekMinutes: Int?

        enum CodingKeys: String, CodingKey {
            case dayMinutes = "day_minutes"
            case weekMinutes = "week_minutes"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(dayMinutes, forKey: .dayMinutes)
            try container.encode(weekMinutes, forKey: .weekMinutes)
        }
    }

    public init(_ result: ComplianceResult, proposedOn date: LocalDate) {
        allowed = result.allowed
        violations = result.violations.map(Entry.init)
        warnings = result.warnings.map(Entry.init)
        allowances = result.allowances.map(AllowanceEntry.init)
        remaining = Remaining(
            dayMinutes: result.remainingMinutes(on: date),
            weekMinutes: result.remainingWeekMinutes(containing: date)
        )
    }
}

extension CheckResultDocument.Entry {
    init(_ violation: Violation) {
        self.init(
            rule: violation.rule.rawValue,
            message: violation.message,
            remediation: violation.remediation,
            date: violation.date
        )
    }
}

extension CheckResultDocument.AllowanceEntry {
    init(_ allowance: Allowance) {
        let (scope, days): (String, DateRange) =
            switch allowance.scope {
            case .day(let date): ("day", DateRange(date, date))
            case .weekdays(let days): ("weekdays", days)
            case .week(let days): ("week", days)
            }
        self.init(
            rule: allowance.rule.rawValue,
            scope: scope,
            from: days.first,
            to: days.last,
            limitMinutes: allowance.limitMinutes,
            usedMinutes: allowance.usedMinutes,
            remainingMinutes: allowance.remainingMinutes
        )
    }
}
