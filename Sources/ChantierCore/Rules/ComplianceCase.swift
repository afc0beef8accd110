/// One question for the compliance engine: may this person work `proposed`, given what they
/// already work (`existing`), under this rule pack and program policy?
public struct ComplianceCase: Sendable {
    public var rulePack: RulePackID
    /// The readings in force, already resolved: the program's `rule_pack_options`, then any
    /// override. The engine does not merge the policy's options again.
    public var options: RulePackOptions
    public var policy: ProgramPolicy?
    public var person: Person
    public var calendar: SchoolCalendar
    public var context: JobContext
    /// Intervals already worked or planned.
    public var existing: [WorkInterval]
    public var proposed: WorkInterval

    public init(
        rulePack: RulePackID,
        options: RulePackOptions = RulePackOptions(),
        policy: ProgramPolicy? = nil,
        person: Person,
        calendar: SchoolCalendar,
        context: JobContext = JobContext(),
        existing: [WorkInterval] = [],
        proposed: WorkInterval
    ) {
        self.rulePack = rulePack
        self.options = options
        self.policy = policy
        self.person = person
        self.calendar = calendar
        self.context = context
        self.existing = existing
        self.proposed = proposed
    }
}
