import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func getWeekStatus(_ input: Operations.GetWeekStatus.Input) async throws -> Operations.GetWeekStatus.Output {
        let days = try week(input.path.week)
        try await state.requireDatabase()
        let closures = try await WeekClosureRepository(database: database).status(of: days, site: input.query.site)
        return .ok(
            .init(
                body: .json(
                    .init(
                        week: days.first.isoWeek,
                        first: "\(days.first)",
                        last: "\(days.last)",
                        sites: closures.map(Components.Schemas.WeekClosure.init)
                    )
                )
            )
        )
    }

    func submitWeek(_ input: Operations.SubmitWeek.Input) async throws -> Operations.SubmitWeek.Output {
        let days = try week(input.path.week)
        let scope = try await scope()
        let closure = try await WeekClosureRepository(database: database).submit(
            site: input.path.site,
            week: days,
            access: siteAccess(scope),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(closure))))
    }

    func approveWeek(_ input: Operations.ApproveWeek.Input) async throws -> Operations.ApproveWeek.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let days = try week(input.path.week)
        let scope = try await scope()
        let closure = try await WeekClosureRepository(database: database).approve(
            site: input.path.site,
            week: days,
            acknowledgement: try RecordFields.optionalText(body.acknowledgement, field: "acknowledgement"),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(closure))))
    }

    func reopenWeek(_ input: Operations.ReopenWeek.Input) async throws -> Operations.ReopenWeek.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let days = try week(input.path.week)
        let reason = try RecordFields.text(body.reason, field: "reason", maximum: 2000)
        let scope = try await scope()
        let closure = try await WeekClosureRepository(database: database).reopen(
            site: input.path.site,
            week: days,
            reason: reason,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(closure))))
    }
}

extension Components.Schemas.WeekClosure {
    init(_ closure: WeekClosure) {
        self.init(
            site: closure.siteCode,
            week: closure.week.first.isoWeek,
            first: "\(closure.week.first)",
            last: "\(closure.week.last)",
            status: .init(rawValue: closure.status.rawValue) ?? .open,
            locked: closure.status.isLocked,
            submittedBy: closure.submittedBy,
            approvedBy: closure.approvedBy,
            acknowledgement: closure.acknowledgement,
            reopenReason: closure.reopenReason,
            entries: closure.entries,
            flaggedEntries: closure.flaggedEntries
        )
    }
}
