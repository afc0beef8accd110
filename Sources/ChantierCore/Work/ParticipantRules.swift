/// The law and one program's policy as they apply to one participant: the question the engine is
/// asked for planning, for assigning and for logging hours, built the same way each time.
public struct ParticipantRules: Sendable {
    public var participant: Participant
    public var program: Program
    /// The participant's school calendar; without one, no day is a class day.
    public var calendar: SchoolCalendarRecord?

    public init(participant: Participant, program: Program, calendar: SchoolCalendarRecord?) {
        self.participant = participant
        self.program = program
        self.calendar = calendar
    }

    /// The policy in force on `date`, and the school calendar with that policy's week.
    public func schoolCalendar(on date: LocalDate) -> SchoolCalendar {
        let weekStart = program.policy(on: date)?.weekStartsOn ?? .sunday
        return calendar?.schoolCalendar(weekStartsOn: weekStart)
            ?? SchoolCalendar(weekStartsOn: weekStart, knownRange: DateRange(date, date), classDays: [:])
    }

    /// Whether `proposed` may be worked with `existing`, and what remains.
    ///
    /// - Parameters:
    ///   - task: the task, when known (its equipment decides some rules).
    ///   - adultSupervision: whether an adult supervises at all times.
    public func evaluate(
        _ proposed: WorkInterval,
        existing: [WorkInterval],
        task: TaskKind?,
        adultSupervision: Bool
    ) -> ComplianceResult {
        let date = proposed.start.date
        let policy = program.policy(on: date)
        return ComplianceEngine().evaluate(
            ComplianceCase(
                rulePack: program.rulePack,
                options: (try? RulePackOptions(named: policy?.rulePackOptions ?? [:])) ?? RulePackOptions(),
                policy: policy,
                person: participant.person,
                calendar: schoolCalendar(on: date),
                context: context(on: date, task: task, adultSupervision: adultSupervision),
                existing: existing,
                proposed: proposed
            )
        )
    }

    /// Every limit over `date`, its weekdays and its week, with what `existing` already uses: a
    /// one-minute probe at noon asks the engine which limits apply to that day.
    public func allowances(on date: LocalDate, existing: [WorkInterval]) -> [Allowance] {
        let probe = WorkInterval(
            start: LocalDateTime(date: date, time: LocalTime(hour: 12)!),
            end: LocalDateTime(date: date, time: LocalTime(hour: 12, minute: 1)!)
        )
        return evaluate(probe, existing: existing, task: nil, adultSupervision: true).allowances
    }

    /// The program's week holding `date`, and the weekly target in force for it: the summer's
    /// when every day of that week is a summer day, the school year's otherwise.
    public func target(forWeekOf date: LocalDate) -> (week: DateRange, target: ProgramPolicy.Target)? {
        guard let policy = program.policy(on: date) else { return nil }
        let first = date.startOfWeek(beginningOn: policy.weekStartsOn)
        let week = DateRange(first, first.adding(days: 6))
        let calendar = schoolCalendar(on: date)
        let season: Season = week.allSatisfy { calendar.season(of: $0) == .summer } ? .summer : .schoolYear
        return policy.target(for: season).map { (week, $0) }
    }

    private func context(on date: LocalDate, task: TaskKind?, adultSupervision: Bool) -> JobContext {
        let consents = participant.consents.filter { $0.isValid(on: date) }
        let guardianKind: Consent.Kind? =
            switch program.rulePack {
            case .quebec: .quebecUnder14
            case .france: .franceGuardianAgreement
            case .flsa: nil
            }
        return JobContext(
            employerCategory: program.employerCategory,
            task: task.map { JobContext.Task(kind: $0.code, equipment: $0.knownEquipment) },
            adultSupervision: adultSupervision,
            guardianConsent: consents.first { $0.kind == guardianKind }?.guardianConsent,
            labourInspectorAuthorization: consents.contains { $0.kind == .franceInspectorAuthorization },
            travelMinutesToResidence: participant.profile.travelMinutesHome ?? 0
        )
    }
}
