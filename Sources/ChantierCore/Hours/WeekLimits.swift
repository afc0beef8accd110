/// A participant's week against every limit that applies: per day, Monday to Friday, per week,
/// the program's caps, and the program's weekly target, with what remains.
public struct WeekLimits: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var program: String
        public var rule: RuleID
        public var scope: Allowance.Scope
        public var limitMinutes: Int
        public var usedMinutes: Int
        public var remainingMinutes: Int { max(0, limitMinutes - usedMinutes) }
    }

    public struct Target: Hashable, Sendable {
        public var program: String
        public var rule: RuleID
        public var week: DateRange
        public var targetMinutes: Int
        public var workedMinutes: Int
        public var shortfallMinutes: Int { max(0, targetMinutes - workedMinutes) }
    }

    public var days: DateRange
    public var lines: [Line]
    public var targets: [Target]
    /// Minutes logged in `days`, by kind.
    public var minutesByKind: [WorkKind: Int]

    /// The limits over `days` with `logged` counted, for each program's rules.
    public init(days: DateRange, rules: [ParticipantRules], logged: [WorkInterval]) {
        self.days = days
        var lines: [Line] = []
        var targets: [Target] = []
        for program in rules {
            for day in days {
                for allowance in program.allowances(on: day, existing: logged) {
                    let line = Line(
                        program: program.program.code,
                        rule: allowance.rule,
                        scope: allowance.scope,
                        limitMinutes: allowance.limitMinutes,
                        usedMinutes: allowance.usedMinutes
                    )
                    if !lines.contains(line) { lines.append(line) }
                }
                guard let found = program.target(forWeekOf: day),
                    !targets.contains(where: { $0.week == found.week && $0.program == program.program.code })
                else { continue }
                let (week, target) = found
                let worked = logged.filter { $0.kind == .work }.reduce(0) { total, interval in
                    total + week.reduce(0) { $0 + interval.minutes(on: $1) }
                }
                targets.append(
                    Target(
                        program: program.program.code,
                        rule: target.rule,
                        week: week,
                        targetMinutes: target.workMinutesPerWeek,
                        workedMinutes: worked
                    )
                )
            }
        }
        self.lines = lines
        self.targets = targets
        var byKind: [WorkKind: Int] = [:]
        for interval in logged {
            let minutes = days.reduce(0) { $0 + interval.minutes(on: $1) }
            if minutes > 0 { byKind[interval.kind, default: 0] += minutes }
        }
        minutesByKind = byKind
    }
}
