import ChantierAPI
import ChantierCore
import Foundation
import OpenAPIRuntime
import Prometheus

extension APIHandlers {
    func getStatus(_ input: Operations.GetStatus.Input) async throws -> Operations.GetStatus.Output {
        let snapshot = state.current
        let database: Components.Schemas.DatabaseStatus
        switch snapshot.database {
        case .starting:
            database = .init(state: .starting)
        case .up:
            database = .init(
                state: .up,
                schemaVersion: snapshot.schemaVersion.map(Int64.init),
                pendingMigrations: snapshot.pendingMigrations.map(Int64.init)
            )
        case .down(let reason):
            database = .init(state: .down, message: reason, schemaVersion: snapshot.schemaVersion.map(Int64.init))
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        version: state.version,
                        apiVersion: OpenAPIDocument.apiVersion,
                        pid: Int64(ProcessInfo.processInfo.processIdentifier),
                        startedAt: state.startedAt,
                        uptimeSeconds: Int64(Date().timeIntervalSince(state.startedAt)),
                        timeZone: snapshot.configuration.timeZone,
                        leader: snapshot.isLeader,
                        database: database
                    )
                )
            )
        )
    }

    func getWhoami(_ input: Operations.GetWhoami.Input) async throws -> Operations.GetWhoami.Output {
        let caller = try RequestScope.required().caller
        return .ok(
            .init(
                body: .json(
                    .init(
                        uid: Int64(caller.uid),
                        gid: Int64(caller.gid),
                        pid: Int64(caller.pid),
                        user: caller.user,
                        groups: caller.groups,
                        roles: caller.roles.sorted().compactMap { Components.Schemas.Role(rawValue: $0.rawValue) }
                    )
                )
            )
        )
    }

    func getOpenAPIDocument(
        _ input: Operations.GetOpenAPIDocument.Input
    ) async throws -> Operations.GetOpenAPIDocument.Output {
        .ok(.init(body: .yaml(HTTPBody(OpenAPIDocument.yaml + "\n"))))
    }

    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        var buffer: [UInt8] = []
        metrics.emit(into: &buffer)
        return .ok(.init(body: .plainText(HTTPBody(buffer))))
    }
}
