/// The compliance of time logged: the same rule packs and policies as planning, asked about the
/// entry against the other hours logged that week. Hours worked are facts: what breaks a rule is
/// recorded all the same, with the rule ids as flags.
public struct LoggedTimeCheck: Sendable {
    public var violations: [Violation]
    public var warnings: [Violation]

    /// The rule ids broken.
    public var flags: [RuleID] { violations.map(\.rule) }

    /// - Parameters:
    ///   - entry: the entry's intervals (``TimeEntry/intervals``).
    ///   - rules: the law and policy of each program the entry counts for.
    ///   - existing: the participant's other hours logged around that week.
    ///   - task: the task, when the entry is for a shift.
    public init(
        entry: [WorkInterval],
        rules: [ParticipantRules],
        existing: [WorkInterval],
        task: TaskKind?,
        adultSupervision: Bool
    ) {
        var violations: [Violation] = []
        var warnings: [Violation] = []
        for program in rules {
            var before = existing
            for part in entry {
                let result = program.evaluate(part, existing: before, task: task, adultSupervision: adultSupervision)
                for violation in result.violations where !violations.contains(where: { $0.rule == violation.rule }) {
                    violations.append(violation)
                }
                for warning in result.warnings where !warnings.contains(where: { $0.rule == warning.rule }) {
                    warnings.append(warning)
                }
                before.append(part)
            }
        }
        self.violations = violations
        self.warnings = warnings
    }
}
