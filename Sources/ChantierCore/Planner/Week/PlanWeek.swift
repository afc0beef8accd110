/// Everything the daemon plans one week from: the open shifts that still have places, the
/// participants who may be planned with their programs and calendars, and the work they already
/// have around the week (confirmed assignments and hours logged), which a plan never moves.
public struct PlanWeek: Sendable {
    public struct Job: Sendable {
        public var shift: Shift
        public var task: TaskKind
        public var adultSupervision: Bool

        public init(shift: Shift, task: TaskKind, adultSupervision: Bool) {
            self.shift = shift
            self.task = task
            self.adultSupervision = adultSupervision
        }

        /// Places nobody holds yet.
        public var openPlaces: Int { max(0, shift.headcount - shift.activeAssignments.count) }
    }

    public struct Person: Sendable {
        public var participant: Participant
        /// The programs of their enrollments, with their policies.
        public var programs: [Program]
        public var calendar: SchoolCalendarRecord?
        /// Their work, planned or logged, over ``PlanWeek/window(of:)``.
        public var existing: [WorkInterval]

        public init(
            participant: Participant,
            programs: [Program],
            calendar: SchoolCalendarRecord?,
            existing: [WorkInterval]
        ) {
            self.participant = participant
            self.programs = programs
            self.calendar = calendar
            self.existing = existing
        }

        func question(_ job: Job, existing: [WorkInterval]) -> AssignmentCase {
            AssignmentCase(
                shift: job.shift,
                task: job.task,
                adultSupervision: job.adultSupervision,
                participant: participant,
                programs: programs,
                calendar: calendar,
                existing: existing,
                overlappingShiftIDs: []
            )
        }
    }

    public var monday: LocalDate
    public var jobs: [Job]
    public var people: [Person]
    public var weights: PlanInstance.Weights

    public init(monday: LocalDate, jobs: [Job], people: [Person], weights: PlanInstance.Weights = .init()) {
        self.monday = monday
        self.jobs = jobs
        self.people = people
        self.weights = weights
    }

    public var days: DateRange { DateRange(monday, monday.adding(days: 6)) }

    /// The days of work the rules look at for a week starting on `monday`: the week and the rest
    /// periods and rolling weeks around it.
    public static func window(of monday: LocalDate) -> DateRange {
        DateRange(monday.adding(days: -8), monday.adding(days: 14))
    }
}
