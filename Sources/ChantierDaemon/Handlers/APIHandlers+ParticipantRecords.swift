import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func addGuardian(_ input: Operations.AddGuardian.Input) async throws -> Operations.AddGuardian.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let scope = try await scope()
        let participant = try await ConsentRepository(database: database).addGuardian(
            Guardian(
                id: 0,
                name: body.name,
                relationship: try RecordFields.optionalText(body.relationship, field: "relationship", maximum: 100),
                phone: try RecordFields.optionalText(body.phone, field: "phone", maximum: 50),
                email: body.email,
                notes: try RecordFields.optionalText(body.notes, field: "notes")
            ),
            to: input.path.id,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(participant, today: state.clock.today()))))
    }

    func addConsent(_ input: Operations.AddConsent.Input) async throws -> Operations.AddConsent.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let consent = Consent(
            id: 0,
            kind: try RecordFields.choice(body.kind.rawValue, field: "kind"),
            guardianID: body.guardianId,
            documentReference: body.document,
            signedOn: try RecordFields.date(body.signedOn, field: "signed_on"),
            expiresOn: try RecordFields.optionalDate(body.expiresOn, field: "expires_on"),
            maxMinutesPerWeek: body.maxMinutesPerWeek,
            tasks: body.tasks ?? [],
            availability: try body.availability.map { try RecordFields.windows($0, field: "availability") }
        )
        let scope = try await scope()
        let participant = try await ConsentRepository(database: database).addConsent(
            consent,
            to: input.path.id,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(participant, today: state.clock.today()))))
    }

    func revokeConsent(_ input: Operations.RevokeConsent.Input) async throws -> Operations.RevokeConsent.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let date = try RecordFields.date(body.revokedOn, field: "revoked_on")
        let scope = try await scope()
        let participant = try await ConsentRepository(database: database).revokeConsent(
            input.path.consentId,
            of: input.path.id,
            on: date,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(participant, today: state.clock.today()))))
    }

    func enrollParticipant(
        _ input: Operations.EnrollParticipant.Input
    ) async throws
        -> Operations.EnrollParticipant.Output
    {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let date = try RecordFields.date(body.startsOn, field: "starts_on")
        let scope = try await scope()
        let participant = try await EnrollmentRepository(database: database).enroll(
            participantID: input.path.id,
            program: body.program,
            on: date,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(participant, today: state.clock.today()))))
    }

    func exitParticipant(_ input: Operations.ExitParticipant.Input) async throws -> Operations.ExitParticipant.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let date = try RecordFields.date(body.exitOn, field: "exit_on")
        let scope = try await scope()
        let participant = try await EnrollmentRepository(database: database).exit(
            participantID: input.path.id,
            program: body.program,
            on: date,
            reason: try RecordFields.choice(body.reason.rawValue, field: "reason"),
            note: try RecordFields.optionalText(body.note, field: "note"),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(participant, today: state.clock.today()))))
    }
}
