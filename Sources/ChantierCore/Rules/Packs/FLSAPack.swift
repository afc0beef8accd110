/// United States, federal Fair Labor Standards Act, non-agricultural (29 CFR 570). rules.md §2.
/// School days and hours are those of the local public district where the minor lives, whatever
/// school the minor attends; a minor who has graduated from high school is not bound by the hour
/// standards.
struct FLSAPack {
    static let schoolDayLimit = 3 * 60
    static let nonSchoolDayLimit = 8 * 60
    static let schoolWeekLimit = 18 * 60
    static let wecepSchoolWeekLimit = 23 * 60
    static let nonSchoolWeekLimit = 40 * 60
    static let earliest = LocalTime(hour: 7)!
    static let latest = LocalTime(hour: 19)!
    static let latestInSummer = LocalTime(hour: 21)!

    let evaluation: Evaluation

    func evaluate(into findings: inout Findings) {
        for date in evaluation.proposedDates {
            let age = evaluation.age(on: date)
            if age < 14 { checkUnder14(on: date, age: age, into: &findings) }
            if (14...15).contains(age) && !evaluation.person.diplomaObtained {
                checkFourteenFifteen(on: date, into: &findings)
            }
            if age < 18 { checkHazardousOccupations(on: date, age: age, into: &findings) }
        }
        checkWeeklyHours(into: &findings)
    }

    /// No hour standards below 14, but a minimum age with narrow exceptions, and no exception for a
    /// parent's consent.
    private func checkUnder14(on date: LocalDate, age: Int, into findings: inout Findings) {
        let context = evaluation.context
        switch context.employerCategory {
        case .newspaperDelivery, .artistic, .babysitting:
            return
        case .familyBusiness where context.childOfEmployer:
            return
        default:
            findings.violate(
                Violation(
                    rule: .usMinAge14,
                    message: "a \(age)-year-old may not be employed outside the FLSA's exemptions "
                        + "(a parent's own business, newspaper delivery, performing, casual babysitting)",
                    remediation: "assign someone aged 14 or more; a parent's consent does not make it lawful",
                    date: date
                )
            )
        }
    }

    private func checkFourteenFifteen(on date: LocalDate, into findings: inout Findings) {
        let calendar = evaluation.calendar
        let isSchoolDay = calendar.isClassDay(date)
        if let hours = calendar.classHours(on: date), !evaluation.options.usWECEP,
            evaluation.proposalOverlaps(date: date, from: hours.start, to: hours.end)
        {
            findings.violate(
                Violation(
                    rule: .usSchoolHours,
                    message: "\(date) is a school day of the local district and the shift overlaps school hours "
                        + "(\(hours.start)–\(hours.end))",
                    remediation: "schedule the work before \(hours.start) or after \(hours.end)",
                    date: date
                )
            )
        }
        let latest = Self.latestTime(on: date)
        if evaluation.proposalOverlaps(date: date, from: .midnight, to: Self.earliest)
            || evaluation.proposalOverlaps(date: date, from: latest, to: .endOfDay)
        {
            findings.violate(
                Violation(
                    rule: .usTimeWindow,
                    message: "14- and 15-year-olds may work only between 07:00 and \(latest) on \(date)",
                    remediation: "start at 07:00 or later and end by \(latest)",
                    date: date
                )
            )
        }
        evaluation.checkCap(
            isSchoolDay ? .usSchoolDay3h : .usNonSchoolDay8h,
            scope: .day(date),
            days: [date],
            limit: isSchoolDay ? Self.schoolDayLimit : Self.nonSchoolDayLimit,
            what: isSchoolDay ? "work on a school day" : "work on a day without school",
            into: &findings
        )
        if let equipment = evaluation.context.task?.equipment.intersection([.powerMower, .powerTrimmer]).first {
            findings.violate(
                Violation(
                    rule: .usProhibitedOccupation,
                    message: "14- and 15-year-olds may not operate power-driven mowers, cutters, trimmers or edgers "
                        + "(the task uses \(equipment.rawValue))",
                    remediation: "give them grounds work with hand tools, or assign someone aged 16 or more",
                    date: date
                )
            )
        }
    }

    /// Hazardous Occupations Orders, for every minor.
    private func checkHazardousOccupations(on date: LocalDate, age: Int, into findings: inout Findings) {
        let equipment = evaluation.context.task?.equipment ?? []
        if let saw = equipment.intersection([.chainSaw, .woodChipper, .circularSaw]).first {
            findings.violate(
                Violation(
                    rule: .usSaws,
                    message:
                        "minors may not operate \(saw.rawValue.replacingUnderscores) (Hazardous Occupations Order 14)",
                    remediation: "assign an adult to this task",
                    date: date
                )
            )
        }
        if equipment.contains(.motorVehicle) {
            findings.violate(
                Violation(
                    rule: .usDriving,
                    message:
                        "a \(age)-year-old may not drive a motor vehicle on the job (Hazardous Occupations Order 2)",
                    remediation: "assign an adult driver",
                    date: date
                )
            )
        }
    }

    /// 18 h in a week when school is in session (a week with at least one school day, partial days
    /// included), 40 h in other weeks, counting only hours worked at 14 or 15.
    private func checkWeeklyHours(into findings: inout Findings) {
        let calendar = evaluation.calendar
        for week in evaluation.proposedWeeks(startingOn: calendar.weekStartsOn) {
            let days = week.filter {
                (14...15).contains(evaluation.age(on: $0)) && !evaluation.person.diplomaObtained
            }
            guard !days.isEmpty else { continue }
            let schoolWeek = week.contains(where: calendar.isClassDay)
            let schoolLimit = evaluation.options.usWECEP ? Self.wecepSchoolWeekLimit : Self.schoolWeekLimit
            evaluation.checkCap(
                schoolWeek ? .usSchoolWeek18h : .usNonSchoolWeek40h,
                scope: .week(week),
                days: days,
                limit: schoolWeek ? schoolLimit : Self.nonSchoolWeekLimit,
                what: schoolWeek ? "work in a week when school is in session" : "work in a week without school",
                into: &findings
            )
        }
    }

    /// 19:00, or 21:00 from June 1 through Labor Day (the first Monday of September), inclusive.
    static func latestTime(on date: LocalDate) -> LocalTime {
        let juneFirst = LocalDate(year: date.year, month: 6, day: 1)!
        return juneFirst <= date && date <= laborDay(of: date.year) ? latestInSummer : latest
    }

    static func laborDay(of year: Int) -> LocalDate {
        let september = LocalDate(year: year, month: 9, day: 1)!
        return september.adding(days: (Weekday.monday.isoNumber - september.weekday.isoNumber + 7) % 7)
    }
}

extension String {
    /// `chain_saw` as `chain saw`.
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
