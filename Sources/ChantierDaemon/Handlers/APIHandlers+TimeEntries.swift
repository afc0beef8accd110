import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func logTime(_ input: Operations.LogTime.Input) async throws -> Operations.LogTime.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let date = try RecordFields.optionalDate(body.date, field: "date")
        let start = try RecordFields.optionalTime(body.start, field: "start")
        let end = try RecordFields.optionalTime(body.end, field: "end")
        let times: TimeEntry.Times?
        switch (date, start, end) {
        case (let date?, let start?, let end?):
            times = TimeEntry.Times(date: date, start: start, end: end)
        case (nil, nil, nil) where body.shiftId != nil:
            times = nil
        default:
            throw RecordError(
                field: date == nil ? "date" : start == nil ? "start" : "end",
                "give the date, start and end of the hours (or a shift alone, for its own times)"
            )
        }
        if body.shiftId != nil && body.site != nil {
            throw RecordError(field: "site", "give a shift or a site, not both: a shift's site is its own")
        }
        let scope = try await scope()
        let outcome = try await TimeEntryRepository(database: database, timeZone: timeZone).log(
            .init(
                participantID: body.participantId,
                shiftID: body.shiftId,
                siteCode: body.site,
                times: times,
                breakMinutes: body.breakMinutes,
                kind: body.kind.map(WorkKind.init),
                note: body.note
            ),
            access: siteAccess(scope),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(outcome))))
    }

    func correctTimeEntry(_ input: Operations.CorrectTimeEntry.Input) async throws -> Operations.CorrectTimeEntry.Output
    {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let correction = TimeEntryRepository.Correction(
            date: try RecordFields.optionalDate(body.date, field: "date"),
            start: try RecordFields.optionalTime(body.start, field: "start"),
            end: try RecordFields.optionalTime(body.end, field: "end"),
            breakMinutes: body.breakMinutes,
            kind: body.kind.map(WorkKind.init),
            void: body.void ?? false,
            reason: body.reason,
            note: body.note
        )
        let scope = try await scope()
        let outcome = try await TimeEntryRepository(database: database, timeZone: timeZone).correct(
            entryID: input.path.id,
            correction,
            access: siteAccess(scope),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(outcome))))
    }

    func listTimeEntries(_ input: Operations.ListTimeEntries.Input) async throws -> Operations.ListTimeEntries.Output {
        let query = input.query
        let days = try days(week: query.week, from: query.from, to: query.to)
        try await state.requireDatabase()
        let entries = try await TimeEntryRepository(database: database, timeZone: timeZone).list(
            .init(days: days, participantID: query.participant, site: query.site, flaggedOnly: query.flagged ?? false)
        )
        return .ok(
            .init(
                body: .json(
                    .init(
                        first: "\(days.first)",
                        last: "\(days.last)",
                        workedMinutes: entries.reduce(0) { $0 + $1.workedMinutes },
                        entries: entries.map(Components.Schemas.TimeEntry.init)
                    )
                )
            )
        )
    }

    func getTimeEntryHistory(
        _ input: Operations.GetTimeEntryHistory.Input
    ) async throws
        -> Operations.GetTimeEntryHistory.Output
    {
        try await state.requireDatabase()
        let entries = try await TimeEntryRepository(database: database, timeZone: timeZone).history(
            entryID: input.path.id
        )
        return .ok(.init(body: .json(.init(entries: entries.map(Components.Schemas.TimeEntry.init)))))
    }

    func recordNoShow(_ input: Operations.RecordNoShow.Input) async throws -> Operations.RecordNoShow.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let note = try RecordFields.optionalText(body.note, field: "note")
        let scope = try await scope()
        let shift = try await TimeEntryRepository(database: database, timeZone: timeZone).noShow(
            participantID: input.path.participantId,
            shiftID: input.path.id,
            note: note,
            access: siteAccess(scope),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(shift))))
    }

    func getWeekLimits(_ input: Operations.GetWeekLimits.Input) async throws -> Operations.GetWeekLimits.Output {
        let days = try week(input.query.week)
        try await state.requireDatabase()
        let repository = TimeEntryRepository(database: database, timeZone: timeZone)
        let (name, limits) = try await repository.weekLimits(participantID: input.path.id, days: days)
        return .ok(.init(body: .json(.init(limits, participantID: input.path.id, name: name))))
    }

    /// The sites the caller may log hours for and submit: a supervisor, those they supervise
    /// (unless `hours.supervisors_any_site`); anyone else, every site.
    func siteAccess(_ scope: RequestScope) -> SiteAccess {
        scope.actingRole == .supervisor && !state.configuration.hours.supervisorsAnySite
            ? .supervisor(scope.caller.user) : .any
    }
}

extension WorkKind {
    init(_ kind: Components.Schemas.WorkKind) {
        self =
            switch kind {
            case .work: .work
            case .awarenessSession: .awarenessSession
            case .training: .training
            }
    }
}

extension Components.Schemas.TimeEntry {
    init(_ entry: TimeEntry) {
        self.init(
            id: entry.id,
            participantId: entry.participantID,
            participantName: entry.participantName,
            site: entry.siteCode,
            shiftId: entry.shiftID,
            assignmentId: entry.assignmentID,
            program: entry.programCode,
            kind: .init(rawValue: entry.kind.rawValue) ?? .work,
            date: "\(entry.workDate)",
            start: "\(entry.start.time)",
            end: "\(entry.end.time)",
            endDate: entry.end.date == entry.workDate ? nil : "\(entry.end.date)",
            minutes: entry.minutes,
            breakMinutes: entry.breakMinutes,
            workedMinutes: entry.workedMinutes,
            supersedes: entry.supersedes,
            voids: entry.voids,
            reason: entry.reason,
            flags: entry.flags.map(\.rawValue),
            note: entry.note,
            recordedAt: "\(entry.recordedAt)",
            recordedBy: entry.recordedBy,
            current: entry.current
        )
    }
}

extension Components.Schemas.LoggedTime {
    init(_ outcome: TimeEntryRepository.Outcome) {
        self.init(
            entry: .init(outcome.entry),
            violations: outcome.check.violations.map(Components.Schemas.RuleFinding.init),
            warnings: outcome.check.warnings.map(Components.Schemas.RuleFinding.init)
        )
    }
}

extension Components.Schemas.RuleFinding {
    init(_ violation: Violation) {
        self.init(rule: violation.rule.rawValue, message: violation.message, remediation: violation.remediation)
    }
}

extension Components.Schemas.WeekLimits {
    init(_ limits: WeekLimits, participantID: Int, name: String) {
        self.init(
            participantId: participantID,
            participantName: name,
            first: "\(limits.days.first)",
            last: "\(limits.days.last)",
            limits: limits.lines.map { line in
                let (scope, days): (Components.Schemas.LimitLine.ScopePayload, DateRange) =
                    switch line.scope {
                    case .day(let day): (.day, DateRange(day, day))
                    case .weekdays(let days): (.weekdays, days)
                    case .week(let days): (.week, days)
                    }
                return .init(
                    program: line.program,
                    rule: line.rule.rawValue,
                    scope: scope,
                    from: "\(days.first)",
                    to: "\(days.last)",
                    limitMinutes: line.limitMinutes,
                    usedMinutes: line.usedMinutes,
                    remainingMinutes: line.remainingMinutes
                )
            },
            targets: limits.targets.map { target in
                .init(
                    program: target.program,
                    rule: target.rule.rawValue,
                    from: "\(target.week.first)",
                    to: "\(target.week.last)",
                    targetMinutes: target.targetMinutes,
                    workedMinutes: target.workedMinutes,
                    shortfallMinutes: target.shortfallMinutes
                )
            },
            minutesByKind: .init(
                additionalProperties: Dictionary(
                    uniqueKeysWithValues: limits.minutesByKind.map { ($0.key.rawValue, $0.value) }
                )
            )
        )
    }
}
