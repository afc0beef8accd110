import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func listFollowUps(_ input: Operations.ListFollowUps.Input) async throws -> Operations.ListFollowUps.Output {
        let query = input.query
        let dueBy = try RecordFields.optionalDate(query.dueBy, field: "due_by")
        try await state.requireDatabase()
        let followUps = try await FollowUpRepository(database: database).list(
            .init(
                dueBy: dueBy,
                participantID: query.participant,
                programCode: query.program,
                includeDone: query.all ?? false
            )
        )
        let today = state.clock.today()
        return .ok(
            .init(body: .json(.init(followUps: followUps.map { Components.Schemas.FollowUp($0, today: today) })))
        )
    }

    func completeFollowUp(
        _ input: Operations.CompleteFollowUp.Input
    ) async throws
        -> Operations.CompleteFollowUp.Output
    {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let today = state.clock.today()
        let day = try RecordFields.optionalDate(body.doneOn, field: "done_on") ?? today
        guard day <= today else {
            throw RecordError(field: "done_on", "\(day) is in the future; mark a follow-up done once it was made")
        }
        if body.situation != nil, body.outcomeId != nil {
            throw RecordError(field: "outcome_id", "give the situation learnt or an outcome recorded earlier, not both")
        }
        try await state.requireDatabase()
        let repository = FollowUpRepository(database: database)
        let followUp = try await repository.followUp(id: input.path.id)
        let outcome = try body.situation.map { situation in
            try OutcomeDraft(
                participantID: followUp.participantID,
                enrollmentID: followUp.enrollmentID,
                observedOn: day,
                situation: try RecordFields.choice(situation.rawValue, field: "situation"),
                diplomaLevel: try body.diplomaLevel.map {
                    try RecordFields.choice($0.rawValue, field: "diploma_level")
                },
                source: try RecordFields.choice(body.source?.rawValue ?? "self_reported", field: "source"),
                note: body.note,
                today: today
            )
        }
        let scope = try await scope()
        let (done, _) = try await repository.complete(
            id: input.path.id,
            on: day,
            outcome: outcome,
            outcomeID: body.outcomeId,
            note: try RecordFields.optionalText(body.note, field: "note"),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(done, today: today))))
    }
}

extension Components.Schemas.FollowUp {
    init(_ followUp: FollowUp, today: LocalDate) {
        self.init(
            id: followUp.id,
            enrollmentId: followUp.enrollmentID,
            participantId: followUp.participantID,
            participantName: followUp.participantName,
            program: followUp.programCode,
            exitOn: "\(followUp.exitOn)",
            offsetDays: followUp.offsetDays,
            dueOn: "\(followUp.due)",
            doneOn: followUp.doneOn.map { "\($0)" },
            outcomeId: followUp.outcomeID,
            note: followUp.note,
            overdue: followUp.isOverdue(today: today)
        )
    }
}
