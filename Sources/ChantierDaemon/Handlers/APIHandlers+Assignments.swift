import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func assignParticipant(
        _ input: Operations.AssignParticipant.Input
    ) async throws
        -> Operations.AssignParticipant.Output
    {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let scope = try await scope()
        let outcome = try await AssignmentRepository(database: database, timeZone: timeZone).assign(
            participantID: body.participantId,
            to: input.path.id,
            dryRun: body.dryRun ?? false,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        let check = outcome.check
        return .ok(
            .init(
                body: .json(
                    .init(
                        allowed: check.allowed,
                        assigned: outcome.assignment != nil,
                        problems: check.problems.map(Components.Schemas.AssignmentProblem.init),
                        warnings: check.warnings.map {
                            .init(
                                kind: "warning",
                                rule: $0.rule.rawValue,
                                message: $0.message,
                                remediation: $0.remediation
                            )
                        },
                        remainingWeekMinutes: check.remainingWeekMinutesAfter,
                        shift: .init(outcome.shift)
                    )
                )
            )
        )
    }

    func setAssignmentStatus(
        _ input: Operations.SetAssignmentStatus.Input
    ) async throws
        -> Operations.SetAssignmentStatus.Output
    {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let status: Assignment.Status =
            switch body.status {
            case .confirmed: .confirmed
            case .declined: .declined
            case .cancelled: .cancelled
            }
        let scope = try await scope()
        let shift = try await AssignmentRepository(database: database, timeZone: timeZone).setStatus(
            status,
            participantID: input.path.participantId,
            shiftID: input.path.id,
            reason: try RecordFields.optionalText(body.reason, field: "reason"),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(shift))))
    }
}

extension Components.Schemas.AssignmentProblem {
    init(_ problem: AssignmentProblem) {
        self.init(
            kind: problem.kind.rawValue,
            rule: problem.rule?.rawValue,
            message: problem.message,
            remediation: problem.remediation
        )
    }
}
