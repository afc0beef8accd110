/// The answer to "may this participant be put on this shift?": every problem, structural or legal,
/// the engine's warnings, and what the participant may still work that week. Manual assignment
/// and the planner ask the same question.
public struct AssignmentCheck: Hashable, Sendable {
    public var problems: [AssignmentProblem]
    public var warnings: [Violation]
    /// What the tightest weekly limit leaves once this shift is worked; `nil` when none applies.
    public var remainingWeekMinutesAfter: Int?

    public var allowed: Bool { problems.isEmpty }

    /// The rule ids among the problems.
    public var rules: [RuleID] { problems.compactMap(\.rule) }

    public init(problems: [AssignmentProblem], warnings: [Violation] = [], remainingWeekMinutesAfter: Int? = nil) {
        self.problems = problems
        self.warnings = warnings
        self.remainingWeekMinutesAfter = remainingWeekMinutesAfter
    }

    /// - Parameter applyingRules: `false` checks everything but the legal and program rules (the
    ///   cheap part, which the planner asks first of every pair).
    public init(_ question: AssignmentCase, applyingRules: Bool = true) {
        var checker = Checker(question: question)
        checker.run(applyingRules: applyingRules)
        self.init(
            problems: checker.problems,
            warnings: checker.warnings,
            remainingWeekMinutesAfter: checker.remainingWeek.map { max(0, $0 - question.shift.minutes) }
        )
    }
}

private struct Checker {
    let question: AssignmentCase
    var problems: [AssignmentProblem] = []
    var warnings: [Violation] = []
    var remainingWeek: Int?

    var shift: Shift { question.shift }
    var profile: Participant.Profile { question.participant.profile }
    var date: LocalDate { shift.date }
    var name: String { profile.fullName }

    mutating func run(applyingRules: Bool) {
        guard shift.status == .open else {
            add(.shiftCancelled, "shift \(shift.id) is cancelled", "choose another shift")
            return
        }
        guard !question.participant.archived else {
            add(.participantArchived, "\(name) is archived", "choose someone else")
            return
        }
        let participantID = question.participant.id
        if shift.activeAssignments.contains(where: { $0.participantID == participantID }) {
            add(.alreadyAssigned, "\(name) is already on shift \(shift.id)", "nothing to do")
            return
        }
        checkStructure()
        let programs = enrolledPrograms()
        guard !programs.isEmpty, let calendar = schoolCalendar(), applyingRules else { return }
        for program in programs { checkRules(of: program, calendar: calendar) }
    }

    private mutating func add(_ kind: AssignmentProblem.Kind, _ message: String, _ remediation: String) {
        problems.append(AssignmentProblem(kind, message: message, remediation: remediation))
    }

    private mutating func checkStructure() {
        if shift.activeAssignments.count >= shift.headcount {
            add(
                .shiftFull,
                "shift \(shift.id) already has its \(shift.headcount) people",
                "unassign someone first, or raise the order's headcount"
            )
        }
        if !question.overlappingShiftIDs.isEmpty {
            let others = question.overlappingShiftIDs.map { "\($0)" }.joined(separator: ", ")
            add(
                .overlap,
                "\(name) is already on shift \(others) at that time",
                "unassign them from it first, or choose another shift"
            )
        }
        if !profile.availability.allows(date: date, start: shift.start.time, end: shift.end.time) {
            add(
                .notAvailable,
                "\(name) is not available on \(date.weekday.name) \(date) from \(shift.start.time) to \(shift.end.time)",
                "choose someone available, or record their availability with participant update"
            )
        }
        for skill in Set(shift.requiredSkills + question.task.requiredSkills).sorted() {
            guard let held = profile.skills.first(where: { $0.name == skill }) else {
                add(.missingSkill, "\(name) does not have the skill \(skill)", "choose someone with it, or record it")
                continue
            }
            if !held.isValid(on: date), let until = held.certifiedUntil {
                add(
                    .missingSkill,
                    "\(name)'s \(skill) expired on \(until)",
                    "renew the certification, or choose someone else"
                )
            }
        }
        let minimum = max(shift.minimumAge ?? 0, question.task.minimumAge)
        let age = profile.person.age(on: date)
        if age < minimum {
            let equipment =
                question.task.equipment.isEmpty ? "" : " (\(question.task.equipment.joined(separator: ", ")))"
            add(
                .belowMinimumAge,
                "\(name) is \(age) on \(date); \(question.task.code)\(equipment) needs someone aged \(minimum) or more",
                "choose someone aged \(minimum) or more"
            )
        }
    }

    /// The programs whose limits apply: the order's program, or every program the participant is
    /// enrolled in that day.
    private mutating func enrolledPrograms() -> [Program] {
        let active = Set(question.participant.enrollments(activeOn: date).map(\.programCode))
        if let required = shift.programCode {
            guard active.contains(required), let program = question.programs.first(where: { $0.code == required })
            else {
                add(
                    .notEnrolled,
                    "\(name) is not enrolled in \(required) on \(date)",
                    "enroll them with chantierctl enroll, or choose someone enrolled"
                )
                return []
            }
            return [program]
        }
        let programs = question.programs.filter { active.contains($0.code) }
        if programs.isEmpty {
            add(
                .notEnrolled,
                "\(name) is not enrolled in any program on \(date)",
                "enroll them with chantierctl enroll"
            )
        }
        return programs
    }

    /// The participant's calendar: `nil` when a minor attending school has none covering the
    /// shift (a problem is recorded), `.some(nil)` when none is needed.
    private mutating func schoolCalendar() -> SchoolCalendarRecord?? {
        let person = profile.person
        let minorInSchool = person.attendsSchool && person.age(on: date) < 18
        guard let calendar = question.calendar else {
            if minorInSchool {
                add(
                    .calendarMissing,
                    "\(name) attends school but has no school calendar, so the school period cannot be known",
                    "link their calendar with participant update --calendar CODE"
                )
                return nil
            }
            return .some(nil)
        }
        if minorInSchool && !calendar.content.knownRange.contains(date) {
            add(
                .calendarNotCovering,
                "the school calendar \(calendar.code) covers \(calendar.content.knownRange.first) to "
                    + "\(calendar.content.knownRange.last), not \(date)",
                "import the calendar of that school year with calendar import \(calendar.code)"
            )
            return nil
        }
        return .some(calendar)
    }

    private mutating func checkRules(of program: Program, calendar record: SchoolCalendarRecord?) {
        let rules = ParticipantRules(participant: question.participant, program: program, calendar: record)
        let result = rules.evaluate(
            shift.interval,
            existing: question.existing,
            task: question.task,
            adultSupervision: question.adultSupervision
        )
        for violation in result.violations
        where !problems.contains(where: { $0.rule == violation.rule && $0.message == violation.message }) {
            problems.append(
                AssignmentProblem(
                    .ruleViolation,
                    rule: violation.rule,
                    message: violation.message,
                    remediation: violation.remediation
                )
            )
        }
        for warning in result.warnings where !warnings.contains(warning) { warnings.append(warning) }
        if let remaining = result.remainingWeekMinutes(containing: date) {
            remainingWeek = min(remainingWeek ?? remaining, remaining)
        }
    }
}
