import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func listCalendars(_ input: Operations.ListCalendars.Input) async throws -> Operations.ListCalendars.Output {
        try await state.requireDatabase()
        let calendars = try await CalendarRepository(database: database).list(
            includeArchived: input.query.includeArchived ?? false
        )
        return .ok(.init(body: .json(.init(calendars: calendars.map(Components.Schemas.CalendarSummary.init)))))
    }

    func getCalendar(_ input: Operations.GetCalendar.Input) async throws -> Operations.GetCalendar.Output {
        try await state.requireDatabase()
        let calendar = try await CalendarRepository(database: database).calendar(code: input.path.code)
        let rulePack = input.query.rulePack.flatMap { RulePackID(rawValue: $0.rawValue) } ?? calendar.jurisdiction
        return .ok(.init(body: .json(.init(calendar, under: rulePack))))
    }

    func importCalendar(_ input: Operations.ImportCalendar.Input) async throws -> Operations.ImportCalendar.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let code = try RecordFields.code(input.path.code)
        let knownFrom = try RecordFields.optionalDate(body.knownFrom, field: "known_from")
        let knownTo = try RecordFields.optionalDate(body.knownTo, field: "known_to")
        var knownRange: DateRange?
        if let knownFrom, let knownTo {
            guard knownFrom <= knownTo else {
                throw RecordError(field: "known_to", "\(knownTo) is before \(knownFrom)")
            }
            knownRange = DateRange(knownFrom, knownTo)
        } else if knownFrom != nil || knownTo != nil {
            throw RecordError(field: knownFrom == nil ? "known_from" : "known_to", "give both known_from and known_to")
        }
        var classHours: ClassHours?
        if body.classStart != nil || body.classEnd != nil {
            let start = try RecordFields.time(body.classStart ?? "", field: "class_start")
            let end = try RecordFields.time(body.classEnd ?? "", field: "class_end")
            guard start < end else { throw RecordError(field: "class_end", "classes end after they start") }
            classHours = ClassHours(start: start, end: end)
        }
        let jurisdiction = body.jurisdiction.flatMap { RulePackID(rawValue: $0.rawValue) }
        let content: SchoolCalendarContent
        switch body.format {
        case .csv:
            content = try SchoolCalendarCSV.content(of: body.content, knownRange: knownRange)
        case .ics:
            content = try SchoolCalendarICS.content(
                of: body.content,
                firstDay: try RecordFields.optionalDate(body.firstDay, field: "first_day"),
                lastDay: try RecordFields.optionalDate(body.lastDay, field: "last_day"),
                knownRange: knownRange,
                needsClassDays: (jurisdiction ?? .quebec) != .france
            )
        }
        let scope = try await scope()
        let calendar = try await CalendarRepository(database: database).importContent(
            content,
            code: code,
            header: .init(
                name: try RecordFields.optionalText(body.name, field: "name", maximum: 200),
                jurisdiction: jurisdiction,
                classHours: classHours,
                source: try RecordFields.optionalText(body.source, field: "source", maximum: 500)
            ),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(calendar, under: calendar.jurisdiction))))
    }
}

extension Components.Schemas.CalendarSummary {
    init(_ summary: CalendarRepository.Summary) {
        self.init(
            code: summary.code,
            name: summary.name,
            jurisdiction: .init(rawValue: summary.jurisdiction.rawValue) ?? .qc,
            classStart: "\(summary.classHours.start)",
            classEnd: "\(summary.classHours.end)",
            knownFrom: "\(summary.knownRange.first)",
            knownTo: "\(summary.knownRange.last)",
            classDays: summary.classDayCount,
            archived: summary.archived
        )
    }
}

extension Components.Schemas.Calendar {
    init(_ record: SchoolCalendarRecord, under rulePack: RulePackID) {
        let content = record.content
        let periods = SchoolPeriod.periods(of: record.schoolCalendar(weekStartsOn: .sunday), under: rulePack)
        self.init(
            summary: .init(
                .init(
                    code: record.code,
                    name: record.name,
                    jurisdiction: record.jurisdiction,
                    classHours: record.classHours,
                    knownRange: content.knownRange,
                    classDayCount: content.classDays.count,
                    archived: record.archived
                )
            ),
            rulePack: .init(rawValue: rulePack.rawValue) ?? .qc,
            periods: periods.map { period in
                .init(
                    first: "\(period.days.first)",
                    last: "\(period.days.last)",
                    days: period.days.dayCount,
                    kind: .init(rawValue: period.kind.rawValue) ?? .schoolPeriod,
                    note: period.note
                )
            },
            schoolYearEnds: content.schoolYearLastDays.map { "\($0)" },
            holidays: content.holidayPeriods.map {
                .init(name: $0.name, first: "\($0.days.first)", last: "\($0.days.last)")
            },
            publicHolidays: content.publicHolidays.sorted { $0.key < $1.key }.map {
                .init(name: $0.value, first: "\($0.key)", last: "\($0.key)")
            },
            shortDays: content.classDays.compactMap { day, hours in
                hours.map { .init(date: "\(day)", classStart: "\($0.start)", classEnd: "\($0.end)") }
            }.sorted { $0.date < $1.date }
        )
    }
}
