/// Everything the check of one assignment needs, gathered in the transaction that makes it: the
/// shift (with who is on it), its task, the participant (with consents and enrollments), the
/// programs they are enrolled in, their school calendar, and their other work around that week.
public struct AssignmentCase: Sendable {
    public var shift: Shift
    public var task: TaskKind
    public var adultSupervision: Bool
    public var participant: Participant
    /// The programs of the participant's enrollments, with their policies.
    public var programs: [Program]
    public var calendar: SchoolCalendarRecord?
    /// The participant's other work, planned or logged, in the days around the shift.
    public var existing: [WorkInterval]
    /// The participant's other shifts that overlap this one.
    public var overlappingShiftIDs: [Int]

    public init(
        shift: Shift,
        task: TaskKind,
        adultSupervision: Bool,
        participant: Participant,
        programs: [Program],
        calendar: SchoolCalendarRecord?,
        existing: [WorkInterval],
        overlappingShiftIDs: [Int]
    ) {
        self.shift = shift
        self.task = task
        self.adultSupervision = adultSupervision
        self.participant = participant
        self.programs = programs
        self.calendar = calendar
        self.existing = existing
        self.overlappingShiftIDs = overlappingShiftIDs
    }

    /// The days of other work the check needs around a shift on `date`: the weeks and rest
    /// periods the rule packs look at.
    public static func window(around date: LocalDate) -> DateRange {
        DateRange(date.adding(days: -8), date.adding(days: 8))
    }
}
