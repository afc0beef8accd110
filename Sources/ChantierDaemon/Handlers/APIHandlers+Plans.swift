import ChantierAPI
import ChantierCore
import ChantierStorage
import OpenAPIRuntime

extension APIHandlers {
    func proposePlan(_ input: Operations.ProposePlan.Input) async throws -> Operations.ProposePlan.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let monday = try week(body.week).first
        let limits = state.configuration.planner
        let budget: PlanMaker.Budget
        if let work = body.work {
            guard body.seconds == nil else { throw RecordError(field: "work", "give seconds or work, not both") }
            let most = limits.maxSeconds * Planner.workPerSecond
            guard (0...most).contains(work) else {
                throw RecordError(field: "work", "must be from 0 to \(most) (planner.max_seconds of search)")
            }
            budget = .work(work)
        } else {
            let seconds = body.seconds ?? Double(limits.defaultSeconds)
            guard seconds > 0, seconds <= Double(limits.maxSeconds), seconds == seconds.rounded() else {
                throw RecordError(
                    field: "seconds",
                    "must be a whole number of seconds from 1 to \(limits.maxSeconds) (planner.max_seconds)"
                )
            }
            budget = .seconds(Int(seconds))
        }
        guard (body.seed ?? 0) >= 0 else { throw RecordError(field: "seed", "must be 0 or more") }
        let scope = try await scope()
        let record = try await PlanMaker(database: database, state: state).propose(
            week: monday,
            budget: budget,
            seed: UInt64(body.seed ?? 1),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(record))))
    }

    func listPlans(_ input: Operations.ListPlans.Input) async throws -> Operations.ListPlans.Output {
        let monday = try input.query.week.map { try week($0).first }
        try await state.requireDatabase()
        let records = try await PlanRepository(database: database, timeZone: timeZone).list(week: monday)
        return .ok(.init(body: .json(.init(plans: records.map(Components.Schemas.Plan.init)))))
    }

    func getPlan(_ input: Operations.GetPlan.Input) async throws -> Operations.GetPlan.Output {
        try await state.requireDatabase()
        let record = try await PlanRepository(database: database, timeZone: timeZone).record(id: input.path.id)
        return .ok(.init(body: .json(.init(record))))
    }

    func getPlanInstance(_ input: Operations.GetPlanInstance.Input) async throws -> Operations.GetPlanInstance.Output {
        try await state.requireDatabase()
        let text = try await PlanRepository(database: database, timeZone: timeZone).instance(id: input.path.id)
        return .ok(.init(body: .plainText(HTTPBody(text))))
    }

    func diffPlan(_ input: Operations.DiffPlan.Input) async throws -> Operations.DiffPlan.Output {
        let scope = try await scope()
        let lines = try await PlanRepository(database: database, timeZone: timeZone).diff(
            id: input.path.id,
            audit: scope.audit
        )
        return .ok(
            .init(body: .json(.init(planId: input.path.id, lines: lines.map(Components.Schemas.PlanDiffLine.init))))
        )
    }

    func commitPlan(_ input: Operations.CommitPlan.Input) async throws -> Operations.CommitPlan.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let scope = try await scope()
        let commit = try await PlanRepository(database: database, timeZone: timeZone).commit(
            id: input.path.id,
            skipRefused: body.skipRefused ?? false,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(
            .init(
                body: .json(
                    .init(plan: .init(commit.record), lines: commit.lines.map(Components.Schemas.PlanDiffLine.init))
                )
            )
        )
    }

    func discardPlan(_ input: Operations.DiscardPlan.Input) async throws -> Operations.DiscardPlan.Output {
        let scope = try await scope()
        let record = try await PlanRepository(database: database, timeZone: timeZone).discard(
            id: input.path.id,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(record))))
    }
}

extension Components.Schemas.Plan {
    init(_ record: PlanRecord) {
        self.init(
            id: record.id,
            week: record.monday.isoWeek,
            weekStart: "\(record.monday)",
            status: .init(rawValue: record.status.rawValue) ?? .discarded,
            proposedBy: record.proposedBy,
            proposedAt: "\(record.proposedAt)",
            decidedBy: record.decidedBy,
            decidedAt: record.decidedAt.map { "\($0)" },
            seed: Int(truncatingIfNeeded: record.seed),
            work: record.work,
            stoppedByDeadline: record.stoppedByDeadline,
            elapsedMs: record.elapsedMilliseconds,
            objective: "\(record.objective)",
            candidatePairs: record.candidatePairs,
            iterations: record.iterations,
            placements: record.placements.map(Components.Schemas.PlanPlacement.init),
            shifts: record.shifts.map { line in
                .init(
                    shift: .init(line.shift),
                    openPlaces: line.openPlaces,
                    proposed: line.proposed,
                    eligible: line.eligible,
                    reason: line.reason
                )
            },
            people: record.people.map { line in
                .init(
                    participantId: line.participantID,
                    participantName: line.participantName,
                    targetMinutes: line.targetMinutes,
                    fixedMinutes: line.fixedMinutes,
                    proposedMinutes: line.proposedMinutes,
                    belowTarget: line.belowTarget
                )
            },
            refusals: record.refusals.map { line in
                .init(
                    participantId: line.participantID,
                    participantName: line.participantName,
                    shift: .init(line.shift),
                    reason: line.reason
                )
            }
        )
    }
}

extension Components.Schemas.PlanShift {
    init(_ shift: PlanRecord.ShiftInfo) {
        self.init(id: shift.id, title: shift.title, site: shift.siteCode, start: "\(shift.start)", end: "\(shift.end)")
    }
}

extension Components.Schemas.PlanPlacement {
    init(_ placement: PlanRecord.Placement) {
        self.init(
            participantId: placement.participantID,
            participantName: placement.participantName,
            shift: .init(placement.shift),
            crossSector: placement.crossSector
        )
    }
}

extension Components.Schemas.PlanDiffLine {
    init(_ line: PlanDiffLine) {
        self.init(
            change: .init(rawValue: line.change.rawValue) ?? .conflict,
            placement: .init(line.placement),
            reason: line.reason
        )
    }
}
