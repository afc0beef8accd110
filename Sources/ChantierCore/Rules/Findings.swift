/// What the rules found so far in one evaluation.
struct Findings {
    private(set) var violations: [Violation] = []
    private(set) var warnings: [Violation] = []
    var allowances: [Allowance] = []

    /// Records a violation; a rule is reported once, for its first occurrence.
    mutating func violate(_ violation: Violation) {
        guard !violations.contains(where: { $0.rule == violation.rule }) else { return }
        violations.append(violation)
    }

    mutating func warn(_ warning: Violation) {
        guard !warnings.contains(where: { $0.rule == warning.rule }) else { return }
        warnings.append(warning)
    }
}
