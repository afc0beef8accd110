import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func listAlerts(_ input: Operations.ListAlerts.Input) async throws -> Operations.ListAlerts.Output {
        let scope = try await scope()
        let alerts = try await AlertRepository(database: database, timeZone: timeZone).list(
            roles: scope.caller.roles,
            includeAcknowledged: input.query.all ?? false,
            kind: input.query.kind.flatMap { AlertDraft.Kind(rawValue: $0.rawValue) }
        )
        return .ok(.init(body: .json(.init(alerts: alerts.map(Components.Schemas.Alert.init)))))
    }

    func acknowledgeAlert(_ input: Operations.AcknowledgeAlert.Input) async throws -> Operations.AcknowledgeAlert.Output
    {
        let scope = try await scope()
        let alert = try await AlertRepository(database: database, timeZone: timeZone).acknowledge(
            id: input.path.id,
            roles: scope.caller.roles,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(alert))))
    }
}

extension Components.Schemas.Alert {
    init(_ alert: Alert) {
        self.init(
            id: alert.id,
            kind: .init(rawValue: alert.draft.kind.rawValue) ?? .limitBreach,
            targetRole: .init(rawValue: alert.draft.targetRole.rawValue) ?? .admin,
            severity: .init(rawValue: alert.draft.severity.rawValue) ?? .warning,
            message: alert.draft.message,
            participantId: alert.draft.participantID,
            details: .init(additionalProperties: alert.draft.details),
            raisedAt: "\(alert.raisedAt)",
            acknowledgedAt: alert.acknowledgedAt.map { "\($0)" },
            acknowledgedBy: alert.acknowledgedBy
        )
    }
}
