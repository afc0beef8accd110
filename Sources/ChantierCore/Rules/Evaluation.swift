/// One evaluation in progress: the case's facts and the schedule with and without the proposal,
/// with the accounting every rule pack needs.
struct Evaluation {
    let person: Person
    let calendar: SchoolCalendar
    let context: JobContext
    let options: RulePackOptions
    let existing: [WorkInterval]
    let proposed: WorkInterval
    /// `existing` and the proposal, by start.
    let schedule: [WorkInterval]

    init(_ question: ComplianceCase, options: RulePackOptions) {
        person = question.person
        calendar = question.calendar
        context = question.context
        self.options = options
        existing = question.existing.sorted { $0.start < $1.start }
        proposed = question.proposed
        schedule = (question.existing + [question.proposed]).sorted { $0.start < $1.start }
    }

    /// The days the proposal touches.
    var proposedDates: [LocalDate] { Array(proposed.dates) }

    func age(on date: LocalDate) -> Int { person.age(on: date) }

    /// The week (of the given start day) that contains `date`.
    func week(containing date: LocalDate, startingOn weekday: Weekday) -> DateRange {
        let first = date.startOfWeek(beginningOn: weekday)
        return DateRange(first, first.adding(days: 6))
    }

    /// The distinct weeks the proposal touches.
    func proposedWeeks(startingOn weekday: Weekday) -> [DateRange] {
        var weeks: [DateRange] = []
        for date in proposedDates {
            let week = week(containing: date, startingOn: weekday)
            if !weeks.contains(week) { weeks.append(week) }
        }
        return weeks
    }

    // MARK: - Counting minutes

    /// What a limit counts: all work time for the law (work, and mandatory sessions and training
    /// unless an option says otherwise), or only `work` for a program's caps.
    enum Counting {
        case lawWorkTime
        case programWork
    }

    func counts(_ interval: WorkInterval, _ counting: Counting) -> Bool {
        switch counting {
        case .lawWorkTime: interval.kind == .work || options.awarenessSessionIsWorkTime
        case .programWork: interval.kind == .work
        }
    }

    func minutes(on days: some Sequence<LocalDate>, in intervals: [WorkInterval], counting: Counting) -> Int {
        var total = 0
        for day in days {
            for interval in intervals where counts(interval, counting) && interval.dates.contains(day) {
                total += interval.minutes(on: day)
            }
        }
        return total
    }

    /// Checks a limit on the minutes of `days`, records it as an allowance, and reports `rule` when
    /// the proposal contributes to a total above `limit`.
    func checkCap(
        _ rule: RuleID,
        scope: Allowance.Scope,
        days: [LocalDate],
        limit: Int,
        counting: Counting = .lawWorkTime,
        what: String,
        into findings: inout Findings
    ) {
        let used = minutes(on: days, in: existing, counting: counting)
        findings.allowances.append(Allowance(rule: rule, scope: scope, limitMinutes: limit, usedMinutes: used))
        let added = minutes(on: days, in: [proposed], counting: counting)
        guard added > 0, used + added > limit else { return }
        let over = used + added - limit
        let remediation =
            over < added
            ? "shorten the shift by \(MinutesText.format(over)) (end it by \(proposed.end.adding(minutes: -over).time)) "
                + "or move it \(scope.elsewhere)"
            : "\(MinutesText.format(used)) of the \(MinutesText.format(limit)) are already used \(scope.text); "
                + "move the shift \(scope.elsewhere)"
        findings.violate(
            Violation(
                rule: rule,
                message:
                    "\(MinutesText.format(used + added)) of \(what) \(scope.text); the limit is \(MinutesText.format(limit))",
                remediation: remediation,
                date: scope.day
            )
        )
    }

    // MARK: - Windows

    /// Whether the proposal overlaps `[from, to)` on `date` (wall-clock times; `to` may be 24:00).
    func proposalOverlaps(date: LocalDate, from: LocalTime, to: LocalTime) -> Bool {
        proposed.overlaps(date: date, from: from, to: to)
    }

    /// Whether the proposal, on `date`, lies inside one of `windows` (wall-clock, same day).
    func proposalPart(on date: LocalDate, isInside windows: [(LocalTime, LocalTime)]) -> Bool {
        let dayStart = LocalDateTime(date: date, time: .midnight)
        let start = max(proposed.start, dayStart)
        let end = min(proposed.end, dayStart.adding(minutes: 1440))
        return windows.contains { from, to in
            LocalDateTime(date: date, time: from) <= start && end <= LocalDateTime(date: date, time: to)
        }
    }

    // MARK: - Blocks and rests

    /// Continuous work: intervals merged when the gap between them is shorter than `gap` minutes.
    static func blocks(
        of intervals: [WorkInterval],
        joiningGapsUnder gap: Int
    ) -> [(start: LocalDateTime, end: LocalDateTime)] {
        var blocks: [(start: LocalDateTime, end: LocalDateTime)] = []
        for interval in intervals.sorted(by: { $0.start < $1.start }) {
            if let last = blocks.last, last.end.minutes(until: interval.start) < gap {
                blocks[blocks.count - 1].end = max(last.end, interval.end)
            } else {
                blocks.append((interval.start, interval.end))
            }
        }
        return blocks
    }

    /// The block of continuous work that contains the proposal.
    func proposalBlock(joiningGapsUnder gap: Int) -> (start: LocalDateTime, end: LocalDateTime) {
        Self.blocks(of: schedule, joiningGapsUnder: gap).first { $0.start <= proposed.start && proposed.end <= $0.end }
            ?? (proposed.start, proposed.end)
    }

    /// The longest stretch without work inside `[from, to)`, in minutes.
    static func longestRest(in intervals: [WorkInterval], from: LocalDateTime, to: LocalDateTime) -> Int {
        var longest = 0
        var free = from
        for interval in intervals.sorted(by: { $0.start < $1.start }) where interval.end > from && interval.start < to {
            longest = max(longest, free.minutes(until: min(interval.start, to)))
            free = max(free, interval.end)
        }
        return max(longest, free.minutes(until: to))
    }
}

extension Allowance.Scope {
    var day: LocalDate? {
        if case .day(let date) = self { return date }
        return nil
    }

    /// The scope in a sentence: "on Tuesday 2026-10-20", "Monday to Friday of the week of 2026-10-18".
    var text: String {
        switch self {
        case .day(let date): "on \(date.weekday.displayName) \(date)"
        case .weekdays(let days): "Monday to Friday (\(days.first) to \(days.last))"
        case .week(let days): "in the week of \(days.first) to \(days.last)"
        }
    }

    var elsewhere: String {
        switch self {
        case .day: "to another day"
        case .weekdays: "to the weekend or another week"
        case .week: "to another week"
        }
    }
}
