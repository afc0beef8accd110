/// A program policy's caps, checked on top of the legal rule pack. Only `kind: work` counts;
/// the awareness session is work time for the law but not for the program.
struct PolicyLayer {
    let policy: ProgramPolicy
    let evaluation: Evaluation

    func evaluate(into findings: inout Findings) {
        let calendar = evaluation.calendar
        for week in evaluation.proposedWeeks(startingOn: policy.weekStartsOn) {
            let weekSeason: Season = week.allSatisfy { calendar.season(of: $0) == .summer } ? .summer : .schoolYear
            for cap in policy.caps {
                guard let limit = cap.workMinutesPerWeek else { continue }
                let days: [LocalDate]
                switch policy.seasonOfWeek {
                case .weekInsideSummer: days = cap.season.includes(weekSeason) ? Array(week) : []
                case .byDate: days = week.filter { cap.season.includes(calendar.season(of: $0)) }
                }
                guard !days.isEmpty else { continue }
                evaluation.checkCap(
                    cap.rule,
                    scope: .week(week),
                    days: days,
                    limit: limit,
                    counting: .programWork,
                    what: "program work (\(policy.id), \(cap.season.rawValue))",
                    into: &findings
                )
            }
        }
        for date in evaluation.proposedDates {
            for cap in policy.caps where cap.season.includes(calendar.season(of: date)) {
                guard let limit = cap.workMinutesPerDay else { continue }
                evaluation.checkCap(
                    cap.rule,
                    scope: .day(date),
                    days: [date],
                    limit: limit,
                    counting: .programWork,
                    what: "program work (\(policy.id))",
                    into: &findings
                )
            }
        }
    }
}
