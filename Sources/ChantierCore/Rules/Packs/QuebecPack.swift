/// Québec: the Act respecting labour standards (LNT) as amended in 2023 (child labour), with the
/// CNESST's readings. rules.md §1.
struct QuebecPack {
    /// Under-14s may work only in the regulation's exceptions (2023, c. 11, s. 2).
    static let under14ExceptionsFrom = LocalDate(year: 2023, month: 6, day: 1)!
    /// 17 h a week, 10 h Monday to Friday (2023, c. 11, s. 3).
    static let hourLimitsFrom = LocalDate(year: 2023, month: 9, day: 1)!
    static let weekLimit = 17 * 60
    static let weekdayLimit = 10 * 60
    static let weeklyRest = 32 * 60
    static let mealAfter = 5 * 60
    static let mealBreak = 30
    static let night = (start: LocalTime(hour: 23)!, end: LocalTime(hour: 6)!)

    let evaluation: Evaluation

    private var attendance: QuebecAttendance {
        QuebecAttendance(person: evaluation.person, calendar: evaluation.calendar, options: evaluation.options)
    }

    func evaluate(into findings: inout Findings) {
        for date in evaluation.proposedDates {
            let age = evaluation.age(on: date)
            if age < 14 { checkUnder14(on: date, age: age, into: &findings) }
            if attendance.isSubject(on: date) {
                checkSchoolHours(on: date, into: &findings)
                checkNight(on: date, into: &findings)
            }
        }
        checkHome(into: &findings)
        checkWeeklyHours(into: &findings)
        checkWeeklyRest(into: &findings)
        checkMealBreak(into: &findings)
        warnAboutLongDays(into: &findings)
    }

    // MARK: - Under 14 (LNT s. 84.3, RNT)

    private func checkUnder14(on date: LocalDate, age: Int, into findings: inout Findings) {
        let context = evaluation.context
        if date >= Self.under14ExceptionsFrom, let refusal = under14ExceptionRefusal(age: age) {
            findings.violate(
                Violation(
                    rule: .qcMinAge14,
                    message: "a \(age)-year-old may work only in the cases the regulation allows: \(refusal)",
                    remediation: "assign someone aged 14 or more, or record the employer category and conditions "
                        + "that make this work one of the exceptions",
                    date: date
                )
            )
            return
        }
        guard let consent = context.guardianConsent, consent.onFile else {
            findings.violate(
                Violation(
                    rule: .qcUnder14Consent,
                    message: "a \(age)-year-old needs the written consent of a parent or tutor on the CNESST form",
                    remediation: "record the signed CNESST consent form before scheduling this work",
                    date: date
                )
            )
            return
        }
        if let maximum = consent.maxMinutesPerWeek {
            let week = evaluation.week(containing: date, startingOn: evaluation.calendar.weekStartsOn)
            evaluation.checkCap(
                .qcUnder14ConsentScope,
                scope: .week(week),
                days: week.filter { evaluation.age(on: $0) < 14 },
                limit: maximum,
                what: "work under the consent form (its weekly maximum)",
                into: &findings
            )
        }
        if let tasks = consent.tasks, let task = context.task, !tasks.contains(task.kind) {
            findings.violate(
                Violation(
                    rule: .qcUnder14ConsentScope,
                    message: "the consent form does not list the task \(task.kind)",
                    remediation: "assign a task the form lists (\(tasks.sorted().joined(separator: ", "))) "
                        + "or obtain a new written consent",
                    date: date
                )
            )
        }
        if let windows = consent.availability {
            let ofDay = windows.filter { $0.weekday == date.weekday }.map { ($0.start, $0.end) }
            if !evaluation.proposalPart(on: date, isInside: ofDay) {
                findings.violate(
                    Violation(
                        rule: .qcUnder14ConsentScope,
                        message: "the shift on \(date) is outside the availability stated on the consent form",
                        remediation: "schedule within the form's availability or obtain a new written consent",
                        date: date
                    )
                )
            }
        }
    }

    /// Why none of the regulation's exceptions for under-14s applies, or `nil` when one does.
    private func under14ExceptionRefusal(age: Int) -> String? {
        let context = evaluation.context
        switch context.employerCategory {
        case .artistic, .newspaperDelivery, .babysitting, .tutoring:
            return nil
        case .npoSocialCommunity, .sportsNPO:
            return context.adultSupervision
                ? nil : "a non-profit may employ them only under adult supervision at all times"
        case .familyBusiness:
            guard context.childOfEmployer else {
                return
                    "a family business may employ only the child of the employer, a director or partner, or their spouse"
            }
            guard context.adultSupervision else {
                return "a family business must supervise them with an adult at all times"
            }
            guard let workers = context.workersOnPayroll, workers < 10 else {
                return "a family business qualifies only with fewer than 10 workers on the payroll, the child included"
            }
            return nil
        case .agricultural:
            guard age >= 12 else { return "farm work is open from age 12 only" }
            guard context.adultSupervision else { return "farm work needs adult supervision at all times" }
            guard let workers = context.workersOnPayroll, workers < 10 else {
                return "a farm qualifies only with fewer than 10 employees"
            }
            guard context.task?.equipment.isEmpty ?? true else { return "farm work must be light manual work" }
            return nil
        case .forProfit, .publicAgency:
            return "this employer category has no exception"
        case nil:
            return "the employer category is not recorded"
        }
    }

    // MARK: - School hours, night, home (LNT s. 84.4 al. 1, 84.5, 84.6, 84.7)

    private func checkSchoolHours(on date: LocalDate, into findings: inout Findings) {
        guard let hours = evaluation.calendar.classHours(on: date),
            evaluation.proposalOverlaps(date: date, from: hours.start, to: hours.end)
        else { return }
        findings.violate(
            Violation(
                rule: .qcSchoolHours,
                message: "\(date) is a class day and the shift overlaps class hours (\(hours.start)–\(hours.end))",
                remediation: "schedule the work outside class hours, after \(hours.end) or before \(hours.start)",
                date: date
            )
        )
    }

    private func checkNight(on date: LocalDate, into findings: inout Findings) {
        if let category = evaluation.context.employerCategory, [.newspaperDelivery, .artistic].contains(category) {
            return
        }
        guard
            evaluation.proposalOverlaps(date: date, from: Self.night.start, to: .endOfDay)
                || evaluation.proposalOverlaps(date: date, from: .midnight, to: Self.night.end)
        else { return }
        findings.violate(
            Violation(
                rule: .qcNight,
                message: "a child subject to compulsory school attendance may not work between 23:00 and 06:00",
                remediation: "end the shift by 23:00 and start it at 06:00 or later",
                date: date
            )
        )
    }

    /// The child must be able to be home between 23:00 and 06:00: reported when only the travel
    /// time, not the work itself, reaches into the night (work in the night is QC-NIGHT-23-06).
    private func checkHome(into findings: inout Findings) {
        let travel = evaluation.context.travelMinutesToResidence
        let proposed = evaluation.proposed
        guard travel > 0, evaluation.context.employerCategory != .artistic else { return }
        let reach = WorkInterval(
            start: proposed.start.adding(minutes: -travel),
            end: proposed.end.adding(minutes: travel)
        )
        for date in reach.dates
        where attendance.isSubject(on: date) && !findings.violations.contains(where: { $0.rule == .qcNight }) {
            guard
                reach.overlaps(date: date, from: Self.night.start, to: .endOfDay)
                    || reach.overlaps(date: date, from: .midnight, to: Self.night.end)
            else { continue }
            findings.violate(
                Violation(
                    rule: .qcHome,
                    message:
                        "with \(MinutesText.format(travel)) to get home, the child cannot be home between 23:00 and 06:00",
                    remediation: "end the shift by \(LocalTime(minuteOfDay: max(0, 23 * 60 - travel))!) "
                        + "and start it at \(LocalTime(minuteOfDay: min(1439, 6 * 60 + travel))!) or later",
                    date: date
                )
            )
            return
        }
    }

    // MARK: - 17 h a week, 10 h Monday to Friday (LNT s. 84.4 al. 2)

    /// The days of `week` whose work counts toward the 17 h and 10 h: days the child is subject,
    /// outside exempt periods (period-based reading), or every subject day of a week that has a
    /// class day (week-based reading).
    private func limitedDays(of week: DateRange) -> [LocalDate] {
        let calendar = evaluation.calendar
        let subjectDays = week.filter { $0 >= Self.hourLimitsFrom && attendance.isSubject(on: $0) }
        switch evaluation.options.quebecTransitionWeeks {
        case .periodBased:
            return subjectDays.filter { !calendar.isInLongBreak($0) }
        case .weekBased:
            return week.contains(where: calendar.isClassDay) ? subjectDays : []
        }
    }

    private func checkWeeklyHours(into findings: inout Findings) {
        for week in evaluation.proposedWeeks(startingOn: evaluation.calendar.weekStartsOn) {
            let days = limitedDays(of: week)
            guard !days.isEmpty else { continue }
            if evaluation.options.quebecWeekWindow == .calendarWeek {
                evaluation.checkCap(
                    .qcWeek17h,
                    scope: .week(week),
                    days: days,
                    limit: Self.weekLimit,
                    what: "work while school is in session",
                    into: &findings
                )
            }
            let weekdays = days.filter(\.weekday.isWeekday)
            if !weekdays.isEmpty {
                let monday = week.first { $0.weekday == .monday }!
                evaluation.checkCap(
                    .qcWeekday10h,
                    scope: .weekdays(DateRange(monday, monday.adding(days: 4))),
                    days: weekdays,
                    limit: Self.weekdayLimit,
                    what: "work while school is in session",
                    into: &findings
                )
            }
        }
        if evaluation.options.quebecWeekWindow == .rolling { checkRollingWeeks(into: &findings) }
    }

    /// Maximum caution: every 7-day window that holds the proposal stays within 17 h.
    private func checkRollingWeeks(into findings: inout Findings) {
        for date in evaluation.proposedDates {
            for offset in 0..<7 {
                let window = DateRange(date.adding(days: offset - 6), date.adding(days: offset))
                let days = limitedDays(of: window)
                guard days.contains(date) else { continue }
                var windowFindings = Findings()
                evaluation.checkCap(
                    .qcWeek17h,
                    scope: .week(window),
                    days: days,
                    limit: Self.weekLimit,
                    what: "work in 7 consecutive days while school is in session",
                    into: &windowFindings
                )
                for violation in windowFindings.violations { findings.violate(violation) }
            }
        }
    }

    // MARK: - Weekly rest and meal period (LNT s. 78, 79): every age

    private func checkWeeklyRest(into findings: inout Findings) {
        for week in evaluation.proposedWeeks(startingOn: evaluation.calendar.weekStartsOn) {
            let from = LocalDateTime(date: week.first, time: .midnight)
            let to = LocalDateTime(date: week.last.adding(days: 1), time: .midnight)
            let rest = Evaluation.longestRest(in: evaluation.schedule, from: from, to: to)
            guard rest < Self.weeklyRest,
                Evaluation.longestRest(in: evaluation.existing, from: from, to: to) >= Self.weeklyRest
            else { continue }
            findings.violate(
                Violation(
                    rule: .qcWeeklyRest32h,
                    message: "the week of \(week.first) to \(week.last) would have no rest of 32 consecutive hours "
                        + "(the longest would be \(MinutesText.format(rest)))",
                    remediation:
                        "keep 32 consecutive hours free in the week, for example a whole weekend day and its nights"
                )
            )
        }
    }

    private func checkMealBreak(into findings: inout Findings) {
        let block = evaluation.proposalBlock(joiningGapsUnder: Self.mealBreak)
        let length = block.start.minutes(until: block.end)
        guard length > Self.mealAfter else { return }
        findings.violate(
            Violation(
                rule: .qcMeal30min5h,
                message: "\(MinutesText.format(length)) of work from \(block.start.time) to \(block.end.time) "
                    + "without a 30-minute meal period",
                remediation: "put a break of at least 30 minutes within the first 5 hours",
                date: block.start.date
            )
        )
    }

    // MARK: - Warnings (LNT s. 84.2, 59.0.1)

    private func warnAboutLongDays(into findings: inout Findings) {
        for date in evaluation.proposedDates {
            let minutes = evaluation.minutes(on: [date], in: evaluation.schedule, counting: .lawWorkTime)
            if evaluation.age(on: date) < 16 && minutes > 8 * 60 {
                findings.warn(
                    Violation(
                        rule: .qcDisproportionate,
                        message: "\(MinutesText.format(minutes)) of work on \(date) may be disproportionate "
                            + "to the capacity of a child of \(evaluation.age(on: date))",
                        remediation: "consider shorter days for a child under 16",
                        date: date
                    )
                )
            }
            if minutes > 14 * 60 {
                findings.warn(
                    Violation(
                        rule: .qcRefusal,
                        message:
                            "\(MinutesText.format(minutes)) of work on \(date): more than 14 h in a day may be refused",
                        remediation: "plan less than 14 h a day",
                        date: date
                    )
                )
            }
        }
    }
}
