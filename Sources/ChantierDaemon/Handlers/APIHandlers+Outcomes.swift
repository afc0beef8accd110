import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func recordOutcome(_ input: Operations.RecordOutcome.Input) async throws -> Operations.RecordOutcome.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let draft = try OutcomeDraft(
            participantID: input.path.id,
            enrollmentID: body.enrollmentId,
            observedOn: try RecordFields.date(body.observedOn, field: "observed_on"),
            situation: try RecordFields.choice(body.situation.rawValue, field: "situation"),
            diplomaLevel: try body.diplomaLevel.map { try RecordFields.choice($0.rawValue, field: "diploma_level") },
            source: try RecordFields.choice(body.source.rawValue, field: "source"),
            note: body.note,
            today: state.clock.today()
        )
        let scope = try await scope()
        let outcome = try await OutcomeRepository(database: database).record(
            draft,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(outcome))))
    }

    func listOutcomes(_ input: Operations.ListOutcomes.Input) async throws -> Operations.ListOutcomes.Output {
        let query = input.query
        let from = try RecordFields.optionalDate(query.from, field: "from")
        let to = try RecordFields.optionalDate(query.to, field: "to")
        try await state.requireDatabase()
        let outcomes = try await OutcomeRepository(database: database).list(
            .init(participantID: query.participant, programCode: query.program, from: from, to: to)
        )
        return .ok(.init(body: .json(.init(outcomes: outcomes.map(Components.Schemas.Outcome.init)))))
    }

    func getOutcome(_ input: Operations.GetOutcome.Input) async throws -> Operations.GetOutcome.Output {
        try await state.requireDatabase()
        return .ok(
            .init(body: .json(.init(try await OutcomeRepository(database: database).outcome(id: input.path.id))))
        )
    }
}

extension Components.Schemas.Outcome {
    init(_ outcome: Outcome) {
        self.init(
            id: outcome.id,
            participantId: outcome.participantID,
            participantName: outcome.participantName,
            enrollmentId: outcome.enrollmentID,
            program: outcome.programCode,
            observedOn: "\(outcome.observedOn)",
            situation: .init(rawValue: outcome.situation.rawValue) ?? .other,
            diplomaLevel: outcome.diplomaLevel.flatMap { .init(rawValue: $0.rawValue) },
            source: .init(rawValue: outcome.source.rawValue) ?? .selfReported,
            note: outcome.note,
            recordedBy: outcome.recordedBy
        )
    }
}
