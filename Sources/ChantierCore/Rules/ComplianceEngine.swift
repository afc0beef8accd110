/// Answers "may this person work this interval?" under a legal rule pack and a program policy,
/// the same way for planning, manual assignment and logged hours.
///
/// Conventions (rules.md §0): intervals are half-open `[start, end)` in local time, counted in
/// whole minutes; a limit is broken only when exceeded; age is computed for each day worked; an
/// interval crossing midnight counts toward each day it touches; weeks follow the calendar's week
/// start; law and program are layered and the most restrictive limit binds. A violation is reported
/// when the proposal contributes to it, never for what `existing` broke on its own.
public struct ComplianceEngine: Sendable {
    public init() {}

    public func evaluate(_ question: ComplianceCase) -> ComplianceResult {
        let evaluation = Evaluation(question, options: question.options)
        var findings = Findings()
        switch question.rulePack {
        case .quebec: QuebecPack(evaluation: evaluation).evaluate(into: &findings)
        case .flsa: FLSAPack(evaluation: evaluation).evaluate(into: &findings)
        case .france: FrancePack(evaluation: evaluation).evaluate(into: &findings)
        }
        if let policy = question.policy {
            PolicyLayer(policy: policy, evaluation: evaluation).evaluate(into: &findings)
        }
        return ComplianceResult(
            violations: findings.violations,
            warnings: findings.warnings,
            allowances: findings.allowances
        )
    }
}

extension ComplianceResult {
    /// What may still be worked on `date` under every limit over that day, its weekdays and its
    /// week (the most restrictive binds); `nil` when no limit applies.
    public func remainingMinutes(on date: LocalDate) -> Int? {
        allowances.filter { $0.scope.contains(date) }.map(\.remainingMinutes).min()
    }

    /// What may still be worked in the week of `date` under the weekly limits; `nil` when none applies.
    public func remainingWeekMinutes(containing date: LocalDate) -> Int? {
        allowances.filter {
            if case .week(let days) = $0.scope { return days.contains(date) }
            return false
        }.map(\.remainingMinutes).min()
    }
}

extension Allowance.Scope {
    func contains(_ date: LocalDate) -> Bool {
        switch self {
        case .day(let day): day == date
        case .weekdays(let days), .week(let days): days.contains(date)
        }
    }
}
