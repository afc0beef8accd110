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
