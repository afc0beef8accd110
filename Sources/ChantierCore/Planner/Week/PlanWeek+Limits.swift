extension PlanWeek.Person {
    /// What the rules leave this person to work in the week, once their existing work is counted:
    /// by day (0 is Monday), Monday to Friday, and over the week (`nil`: no such limit), and the
    /// highest weekly target of their programs.
    struct Limits: Equatable {
        var dayRemaining: [Int: Int] = [:]
        var weekdayRemaining: Int?
        var weekRemaining: Int?
        var targetMinutes = 0
    }

    /// Asks the engine, for every program they are enrolled in that week, which limits apply to
    /// each day. A limit over a week that is not Monday to Sunday (Québec counts Sunday to
    /// Saturday) binds the whole planning week with what remains of it: cautious, never lax. The
    /// rules that are not caps (rest between days, rolling weeks) are checked on the plan itself.
    func limits(in days: DateRange) -> Limits {
        var limits = Limits()
        let enrolled = Set(days.flatMap { participant.enrollments(activeOn: $0).map(\.programCode) })
        for program in programs where enrolled.contains(program.code) {
            let rules = ParticipantRules(participant: participant, program: program, calendar: calendar)
            for day in days {
                for allowance in rules.allowances(on: day, existing: existing) {
                    let remaining = allowance.remainingMinutes
                    switch allowance.scope {
                    case .day(let date):
                        guard days.contains(date) else { continue }
                        let index = days.first.days(until: date)
                        limits.dayRemaining[index] = min(limits.dayRemaining[index] ?? remaining, remaining)
                    case .weekdays(let range):
                        guard range.overlaps(days) else { continue }
                        limits.weekdayRemaining = min(limits.weekdayRemaining ?? remaining, remaining)
                    case .week(let range):
                        guard range.overlaps(days) else { continue }
                        limits.weekRemaining = min(limits.weekRemaining ?? remaining, remaining)
                    }
                }
            }
            if let target = rules.target(forWeekOf: days.first)?.target {
                limits.targetMinutes = max(limits.targetMinutes, target.workMinutesPerWeek)
            }
        }
        return limits
    }
}

extension DateRange {
    func overlaps(_ other: DateRange) -> Bool { first <= other.last && other.first <= last }
}
