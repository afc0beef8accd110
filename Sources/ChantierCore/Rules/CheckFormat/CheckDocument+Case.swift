extension CheckDocument {
    /// The engine's question, after checking what types alone cannot: known names, ordered
    /// dates, class days inside the calendar's range, intervals that end after they start.
    ///
    /// The program policy's rule pack options apply first; the document's own `rule_pack_options`
    /// override them.
    public func complianceCase() throws(DocumentError) -> ComplianceCase {
        guard let pack = RulePackID(rawValue: rulePack) else {
            throw DocumentError(
                field: "rule_pack",
                problem:
                    "must be \(RulePackID.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), not \"\(rulePack)\""
            )
        }
        var named = programPolicy?.rulePackOptions ?? [:]
        named.merge(rulePackOptions) { $1 }
        let options: RulePackOptions
        do {
            options = try RulePackOptions(named: named)
        } catch {
            throw DocumentError(field: "rule_pack_options", problem: error.message)
        }
        if let programPolicy {
            do {
                try programPolicy.validate(against: pack)
            } catch {
                throw DocumentError(field: "program_policy", problem: error.message)
            }
        }
        return ComplianceCase(
            rulePack: pack,
            options: options,
            policy: programPolicy,
            person: Person(
                birthDate: participant.birthDate,
                attendsSchool: participant.attendsSchool,
                diplomaObtained: participant.diplomaObtained,
                exemptFromSchoolAttendance: participant.exemptFromSchoolAttendance
            ),
            calendar: try schoolCalendar(),
            context: try jobContext(),
            existing: try existing.enumerated().map { index, interval throws(DocumentError) in
                try interval.workInterval(field: "existing[\(index)]")
            },
            proposed: try proposed.workInterval(field: "proposed")
        )
    }

    private func schoolCalendar() throws(DocumentError) -> SchoolCalendar {
        guard let weekStart = Weekday(name: calendar.weekStartsOn) else {
            throw DocumentError(
                field: "calendar.week_starts_on",
                problem: "must be a day such as \"sunday\" or \"monday\""
            )
        }
        guard calendar.knownFrom <= calendar.knownTo else {
            throw DocumentError(field: "calendar.known_to", problem: "must not be before calendar.known_from")
        }
        let range = DateRange(calendar.knownFrom, calendar.knownTo)
        var classDays: [LocalDate: ClassHours] = [:]
        if !calendar.classDays.isEmpty {
            guard let hours = calendar.classHours else {
                throw DocumentError(field: "calendar.class_hours", problem: "is required when class_days are given")
            }
            guard hours.start < hours.end else {
                throw DocumentError(field: "calendar.class_hours.end", problem: "must be after class_hours.start")
            }
            for (index, day) in calendar.classDays.enumerated() {
                guard range.contains(day) else {
                    throw DocumentError(
                        field: "calendar.class_days[\(index)]",
                        problem: "\(day) is outside known_from..known_to (\(range.first) to \(range.last))"
                    )
                }
                classDays[day] = ClassHours(start: hours.start, end: hours.end)
            }
        }
        var holidays: [HolidayPeriod] = []
        for (index, holiday) in calendar.holidayPeriods.enumerated() {
            guard holiday.from <= holiday.to else {
                throw DocumentError(
                    field: "calendar.holiday_periods[\(index)].to",
                    problem: "must not be before its from"
                )
            }
            holidays.append(HolidayPeriod(name: holiday.name, days: DateRange(holiday.from, holiday.to)))
        }
        return SchoolCalendar(
            weekStartsOn: weekStart,
            knownRange: range,
            classDays: classDays,
            schoolYearLastDays: calendar.schoolYearLastDays,
            holidayPeriods: holidays,
            publicHolidays: Set(calendar.publicHolidays)
        )
    }

    private func jobContext() throws(DocumentError) -> JobContext {
        var category: EmployerCategory?
        if let name = context.employerCategory {
            guard let value = EmployerCategory(rawValue: name) else {
                throw DocumentError(
                    field: "context.employer_category",
                    problem:
                        "must be one of \(EmployerCategory.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(name)\""
                )
            }
            category = value
        }
        for (field, value) in [
            ("context.workers_on_payroll", context.workersOnPayroll),
            ("context.travel_minutes_to_residence", context.travelMinutesToResidence),
            ("context.guardian_consent.max_minutes_per_week", context.guardianConsent?.maxMinutesPerWeek),
        ] {
            if let value, value < 0 { throw DocumentError(field: field, problem: "must not be negative") }
        }
        var availability: [JobContext.AvailabilityWindow]?
        if let windows = context.guardianConsent?.availability {
            availability = []
            for (index, window) in windows.enumerated() {
                let field = "context.guardian_consent.availability[\(index)]"
                guard let weekday = Weekday(name: window.weekday) else {
                    throw DocumentError(field: "\(field).weekday", problem: "must be a day such as \"saturday\"")
                }
                guard window.start < window.end else {
                    throw DocumentError(field: "\(field).end", problem: "must be after start")
                }
                availability?.append(
                    JobContext.AvailabilityWindow(weekday: weekday, start: window.start, end: window.end)
                )
            }
        }
        return JobContext(
            employerCategory: category,
            workersOnPayroll: context.workersOnPayroll,
            childOfEmployer: context.childOfEmployer ?? false,
            sector: context.sector,
            task: context.task.map {
                // Equipment the packs do not know decides nothing.
                JobContext.Task(kind: $0.kind, equipment: Set($0.equipment.compactMap(Equipment.init(rawValue:))))
            },
            adultSupervision: context.adultSupervision ?? false,
            guardianConsent: context.guardianConsent.map {
                JobContext.GuardianConsent(
                    onFile: $0.onFile,
                    maxMinutesPerWeek: $0.maxMinutesPerWeek,
                    tasks: $0.tasks.map(Set.init),
                    availability: availability
                )
            },
            labourInspectorAuthorization: context.labourInspectorAuthorization ?? false,
            travelMinutesToResidence: context.travelMinutesToResidence ?? 0
        )
    }
}

extension CheckDocument.Interval {
    /// The longest interval accepted: a week, far beyond any shift.
    static let longestMinutes = 7 * 24 * 60

    func workInterval(field: String) throws(DocumentError) -> WorkInterval {
        guard start < end else { throw DocumentError(field: "\(field).end", problem: "must be after \(field).start") }
        guard start.minutes(until: end) <= Self.longestMinutes else {
            throw DocumentError(
                field: "\(field).end",
                problem: "the interval lasts more than 7 days, which is not a shift"
            )
        }
        return WorkInterval(start: start, end: end, kind: kind)
    }
}
