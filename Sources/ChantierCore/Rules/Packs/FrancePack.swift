/// France: the Code du travail's rules for young workers (jeunes travailleurs). rules.md §3.
/// 14–15-year-olds may work only in school holidays of at least 14 days, with the labour
/// inspector's authorization; 16–17-year-olds follow the same rules all year.
struct FrancePack {
    static let qualifyingHolidayDays = 14
    static let under16DayLimit = 7 * 60
    static let dayLimit = 8 * 60
    static let derogationDayLimit = 10 * 60
    static let weekLimit = 35 * 60
    static let derogationWeekLimit = 40 * 60
    static let longestStretch = 4 * 60 + 30
    static let breakLength = 30
    /// Sectors with night and public-holiday derogations (R3163-1, R3164-2).
    static let derogationSectors: Set<String> = [
        "hotels", "restaurants", "bakery", "pastry", "entertainment", "shows", "horse_racing",
    ]
    static let hazardousEquipment: Set<Equipment> = Set(Equipment.allCases)

    let evaluation: Evaluation

    private var sectorDerogation: Bool {
        evaluation.context.sector.map { Self.derogationSectors.contains($0) } ?? false
    }

    func evaluate(into findings: inout Findings) {
        for date in evaluation.proposedDates {
            let age = evaluation.age(on: date)
            guard age < 18 else { continue }
            if age < 14 {
                checkUnder14(on: date, age: age, into: &findings)
            } else if age < 16 {
                checkUnder16(on: date, into: &findings)
            } else {
                checkSixteenSeventeen(on: date, into: &findings)
            }
            checkPublicHoliday(on: date, into: &findings)
        }
        checkWeeklyHours(into: &findings)
        if evaluation.proposedDates.contains(where: { evaluation.age(on: $0) < 18 }) {
            checkBreak(into: &findings)
            checkDailyRest(into: &findings)
            checkWeeklyRest(into: &findings)
        }
    }

    private func checkUnder14(on date: LocalDate, age: Int, into findings: inout Findings) {
        let context = evaluation.context
        // Child performers, with the prior authorization L7124-1 requires.
        if context.employerCategory == .artistic && context.labourInspectorAuthorization { return }
        findings.violate(
            Violation(
                rule: .frMinAge,
                message:
                    "a \(age)-year-old may not be employed (below 14, only child performers with an authorization)",
                remediation: "assign someone aged 14 or more, during school holidays",
                date: date
            )
        )
    }

    private func checkUnder16(on date: LocalDate, into findings: inout Findings) {
        let context = evaluation.context
        if let holiday = qualifyingHoliday(containing: date) {
            checkHalfHolidayRest(in: holiday, into: &findings)
        } else {
            findings.violate(
                Violation(
                    rule: .frUnder16HolidayOnly,
                    message: "14- and 15-year-olds may work only during school holidays of at least 14 days; "
                        + "\(date) is not in one",
                    remediation: "move the work into the school holidays (Toussaint, Noël, hiver, printemps, été)",
                    date: date
                )
            )
        }
        if !context.labourInspectorAuthorization || !(context.guardianConsent?.onFile ?? false) {
            let missing = [
                context.labourInspectorAuthorization ? nil : "the labour inspector's authorization",
                context.guardianConsent?.onFile ?? false ? nil : "the legal representative's signed agreement",
            ].compactMap(\.self)
            findings.violate(
                Violation(
                    rule: .frUnder16Authorization,
                    message: "hiring a 14- or 15-year-old needs \(missing.joined(separator: " and "))",
                    remediation: "ask the labour inspector at least 15 days before hiring, with the signed agreement",
                    date: date
                )
            )
        }
        if let equipment = context.task?.equipment.intersection(Self.hazardousEquipment).first {
            findings.violate(
                Violation(
                    rule: .frUnder16LightWork,
                    message:
                        "14- and 15-year-olds may do only light work, not work with \(equipment.rawValue.replacingUnderscores)",
                    remediation: "give them light work without power tools or vehicles",
                    date: date
                )
            )
        }
        evaluation.checkCap(
            .frUnder16Daily7h,
            scope: .day(date),
            days: [date],
            limit: Self.under16DayLimit,
            what: "work",
            into: &findings
        )
        checkNight(.frNightUnder16, on: date, from: LocalTime(hour: 20)!, to: LocalTime(hour: 6)!, into: &findings)
    }

    private func checkSixteenSeventeen(on date: LocalDate, into findings: inout Findings) {
        let derogation = evaluation.options.franceGreenSpaceDerogation
        evaluation.checkCap(
            .frDaily8h,
            scope: .day(date),
            days: [date],
            limit: derogation ? Self.derogationDayLimit : Self.dayLimit,
            what: "actual work",
            into: &findings
        )
        if sectorDerogation {
            // Sector derogations never reach midnight to 04:00.
            checkNight(.frNight1617, on: date, from: .midnight, to: LocalTime(hour: 4)!, into: &findings)
        } else {
            checkNight(.frNight1617, on: date, from: LocalTime(hour: 22)!, to: LocalTime(hour: 6)!, into: &findings)
        }
    }

    /// Work in `[from, to)`, a window that may cross midnight, on `date`.
    private func checkNight(
        _ rule: RuleID,
        on date: LocalDate,
        from: LocalTime,
        to: LocalTime,
        into findings: inout Findings
    ) {
        let overlaps =
            from < to
            ? evaluation.proposalOverlaps(date: date, from: from, to: to)
            : evaluation.proposalOverlaps(date: date, from: from, to: .endOfDay)
                || evaluation.proposalOverlaps(date: date, from: .midnight, to: to)
        guard overlaps else { return }
        findings.violate(
            Violation(
                rule: rule,
                message: "night work is prohibited for this age between \(from) and \(to)",
                remediation: "end the shift by \(from) and start it at \(to) or later",
                date: date
            )
        )
    }

    private func checkPublicHoliday(on date: LocalDate, into findings: inout Findings) {
        guard evaluation.calendar.publicHolidays.contains(date), !sectorDerogation else { return }
        findings.violate(
            Violation(
                rule: .frPublicHoliday,
                message: "young workers may not work on public holidays, and \(date) is one",
                remediation: "move the shift to another day",
                date: date
            )
        )
    }

    // MARK: - Holidays of 14-15-year-olds

    /// The school-holiday period containing `date`, when it lasts at least 14 calendar days.
    private func qualifyingHoliday(containing date: LocalDate) -> HolidayPeriod? {
        guard let holiday = evaluation.calendar.holidayPeriod(containing: date),
            holiday.days.dayCount >= Self.qualifyingHolidayDays
        else { return nil }
        return holiday
    }

    /// A continuous rest of at least half of the holiday (one unbroken block of days without work).
    private func checkHalfHolidayRest(in holiday: HolidayPeriod, into findings: inout Findings) {
        let required = (holiday.days.dayCount + 1) / 2
        let withProposal = longestRestDays(in: holiday, intervals: evaluation.schedule)
        guard withProposal < required, longestRestDays(in: holiday, intervals: evaluation.existing) >= required else {
            return
        }
        findings.violate(
            Violation(
                rule: .frUnder16HalfHolidayRest,
                message: "the \(holiday.name) holidays (\(holiday.days.dayCount) days) would leave no continuous rest "
                    + "of \(required) days (the longest would be \(withProposal))",
                remediation: "group the work days so that at least \(required) consecutive days stay free",
                date: evaluation.proposed.start.date
            )
        )
    }

    /// The longest run of days without work inside the holiday (or running on into the weekends
    /// that border it, with `fr.half-rest: with-adjacent-weekends`).
    private func longestRestDays(in holiday: HolidayPeriod, intervals: [WorkInterval]) -> Int {
        var first = holiday.days.first
        var last = holiday.days.last
        if evaluation.options.franceHalfRest == .withAdjacentWeekends {
            while [.saturday, .sunday].contains(first.adding(days: -1).weekday) { first = first.adding(days: -1) }
            while [.saturday, .sunday].contains(last.adding(days: 1).weekday) { last = last.adding(days: 1) }
        }
        let workDays = Set(intervals.flatMap { Array($0.dates) })
        var longest = 0
        var run = 0
        for day in DateRange(first, last) {
            run = workDays.contains(day) ? 0 : run + 1
            longest = max(longest, run)
        }
        return longest
    }

    // MARK: - Weeks, breaks and rests

    private func checkWeeklyHours(into findings: inout Findings) {
        for week in evaluation.proposedWeeks(startingOn: evaluation.calendar.weekStartsOn) {
            let under16 = week.filter { (14...15).contains(evaluation.age(on: $0)) }
            if !under16.isEmpty {
                evaluation.checkCap(
                    .frUnder16Week35h,
                    scope: .week(week),
                    days: under16,
                    limit: Self.weekLimit,
                    what: "work at 14 or 15",
                    into: &findings
                )
            }
            let older = week.filter { (16...17).contains(evaluation.age(on: $0)) }
            if !older.isEmpty {
                evaluation.checkCap(
                    .frWeek35h,
                    scope: .week(week),
                    days: older,
                    limit: evaluation.options.franceGreenSpaceDerogation ? Self.derogationWeekLimit : Self.weekLimit,
                    what: "actual work",
                    into: &findings
                )
            }
        }
    }

    /// No stretch of more than 4 h 30 without a break of at least 30 consecutive minutes.
    private func checkBreak(into findings: inout Findings) {
        let block = evaluation.proposalBlock(joiningGapsUnder: Self.breakLength)
        let length = block.start.minutes(until: block.end)
        guard length > Self.longestStretch else { return }
        findings.violate(
            Violation(
                rule: .frBreak4h30,
                message: "\(MinutesText.format(length)) of work from \(block.start.time) to \(block.end.time) "
                    + "without a break of 30 consecutive minutes",
                remediation: "put a break of at least 30 minutes within the first 4 h 30",
                date: block.start.date
            )
        )
    }

    /// A daily rest of 12 consecutive hours (14 below 16). Work separated by less than that rest
    /// belongs to one working day, whose span from first start to last end (its amplitude) may
    /// then not exceed 24 hours minus the rest: 12 h, or 10 h below 16.
    private func checkDailyRest(into findings: inout Findings) {
        let under16 = evaluation.proposedDates.contains { evaluation.age(on: $0) < 16 }
        let rest = (under16 ? 14 : 12) * 60
        let longestDay = 24 * 60 - rest
        let day = Evaluation.blocks(of: evaluation.schedule, joiningGapsUnder: rest).first {
            $0.start <= evaluation.proposed.start && evaluation.proposed.end <= $0.end
        }
        guard let day, day.start.minutes(until: day.end) > longestDay else { return }
        let before = Evaluation.blocks(of: evaluation.existing, joiningGapsUnder: rest)
        if before.contains(where: {
            $0.start >= day.start && $0.end <= day.end && $0.start.minutes(until: $0.end) > longestDay
        }) {
            return
        }
        findings.violate(
            Violation(
                rule: under16 ? .frDailyRest14hUnder16 : .frDailyRest12h,
                message: "work from \(day.start.date) \(day.start.time) to \(day.end.date) \(day.end.time) "
                    + "leaves less than \(rest / 60) consecutive hours of daily rest",
                remediation:
                    "leave at least \(rest / 60) hours between the end of one day's work and the start of the next, "
                    + "and keep each day's work within \(longestDay / 60) hours from first start to last end",
                date: evaluation.proposed.start.date
            )
        )
    }

    /// Two consecutive days of rest in each civil week (or straddling two weeks, by option).
    private func checkWeeklyRest(into findings: inout Findings) {
        for week in evaluation.proposedWeeks(startingOn: evaluation.calendar.weekStartsOn) {
            let days =
                evaluation.options.franceWeeklyRest == .acrossWeeks
                ? DateRange(week.first.adding(days: -1), week.last.adding(days: 1)) : week
            guard !hasTwoRestDays(in: days, intervals: evaluation.schedule),
                hasTwoRestDays(in: days, intervals: evaluation.existing)
            else { continue }
            findings.violate(
                Violation(
                    rule: .frWeeklyRest2Days,
                    message: "the week of \(week.first) to \(week.last) would have no two consecutive days of rest",
                    remediation: "keep two consecutive days free in the week, such as Saturday and Sunday"
                )
            )
        }
    }

    private func hasTwoRestDays(in days: DateRange, intervals: [WorkInterval]) -> Bool {
        let workDays = Set(intervals.flatMap { Array($0.dates) })
        return days.contains { !workDays.contains($0) && $0 < days.last && !workDays.contains($0.adding(days: 1)) }
    }
}
