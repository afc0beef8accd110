import ChantierAPI
import ChantierCore
import ChantierStorage
import Foundation

extension APIHandlers {
    func listShifts(_ input: Operations.ListShifts.Input) async throws -> Operations.ListShifts.Output {
        let query = input.query
        let days = try days(week: query.week, from: query.from, to: query.to)
        try await state.requireDatabase()
        let status: Shift.Status? =
            switch query.status ?? .open {
            case .open: .open
            case .cancelled: .cancelled
            case .all: nil
            }
        let shifts = try await ShiftRepository(database: database, timeZone: timeZone).list(
            .init(days: days, site: query.site, sector: query.sector, order: query.order, status: status)
        )
        return .ok(
            .init(
                body: .json(
                    .init(
                        first: "\(days.first)",
                        last: "\(days.last)",
                        shifts: shifts.map(Components.Schemas.Shift.init)
                    )
                )
            )
        )
    }

    func getShift(_ input: Operations.GetShift.Input) async throws -> Operations.GetShift.Output {
        try await state.requireDatabase()
        let shift = try await ShiftRepository(database: database, timeZone: timeZone).shift(id: input.path.id)
        return .ok(.init(body: .json(.init(shift))))
    }

    func cancelShift(_ input: Operations.CancelShift.Input) async throws -> Operations.CancelShift.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let reason = try RecordFields.text(body.reason, field: "reason", maximum: 2000)
        let scope = try await scope()
        let shift = try await ShiftRepository(database: database, timeZone: timeZone).cancel(
            id: input.path.id,
            reason: reason,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(shift))))
    }

    func materializeShifts(
        _ input: Operations.MaterializeShifts.Input
    ) async throws
        -> Operations.MaterializeShifts.Output
    {
        let scope = try await scope()
        let days = horizon
        let created = try await ShiftRepository(database: database, timeZone: timeZone).materialize(
            days: days,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(shiftsCreated: created, first: "\(days.first)", last: "\(days.last)"))))
    }
}

extension Components.Schemas.Shift {
    init(_ shift: Shift) {
        self.init(
            id: shift.id,
            orderId: shift.orderID,
            title: shift.title,
            site: shift.siteCode,
            siteName: shift.siteName,
            sector: shift.sectorCode,
            task: shift.taskCode,
            program: shift.programCode,
            date: "\(shift.date)",
            start: "\(shift.start.time)",
            end: "\(shift.end.time)",
            minutes: shift.minutes,
            startsAt: Date(utc: shift.startUTC),
            endsAt: Date(utc: shift.endUTC),
            headcount: shift.headcount,
            requiredSkills: shift.requiredSkills,
            minAge: shift.minimumAge,
            priority: shift.priority,
            status: .init(rawValue: shift.status.rawValue) ?? .cancelled,
            cancelReason: shift.cancelReason,
            assignments: shift.assignments.map { assignment in
                .init(
                    id: assignment.id,
                    participantId: assignment.participantID,
                    participantName: assignment.participantName,
                    status: .init(rawValue: assignment.status.rawValue) ?? .cancelled,
                    source: .init(rawValue: assignment.source.rawValue) ?? .manual,
                    reason: assignment.statusReason
                )
            }
        )
    }
}

extension Date {
    /// The instant a UTC wall-clock time names.
    init(utc time: LocalDateTime) {
        self.init(timeIntervalSince1970: TimeInterval(time.minutesSinceEpoch * 60))
    }
}
