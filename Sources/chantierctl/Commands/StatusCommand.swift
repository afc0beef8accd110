import ArgumentParser
import ChantierAPI
import ChantierClient
import Foundation

/// `chantierctl status`: the daemon's version, uptime, database and leadership.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the daemon's version, uptime, database state and leadership."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await Invocation.run(options) { connection in
            let status: Components.Schemas.Status
            switch try await connection.client.getStatus() {
            case .ok(let response): status = try response.body.json
            case .default(let code, let error): throw ClientFailure(statusCode: code, error: error)
            }
            print(try render(status))
        }
    }

    private func render(_ status: Components.Schemas.Status) throws -> String {
        let m = Messages.current
        var database = status.database.state.rawValue
        if let version = status.database.schemaVersion {
            database += m.pick(" (schema \(version)", " (schéma \(version)")
            database +=
                status.database.pendingMigrations.map { m.pick(", \($0) pending)", ", \($0) en attente)") } ?? ")"
        }
        if let message = status.database.message { database += " — \(message)" }
        let record = Record(fields: [
            .init(key: "version", label: "version", value: status.version),
            .init(key: "api", label: "api", value: status.apiVersion),
            .init(key: "pid", label: "pid", value: String(status.pid)),
            .init(key: "started", label: m.pick("started", "démarré"), value: status.startedAt.formatted(.iso8601)),
            .init(
                key: "uptime_seconds",
                label: m.pick("uptime", "en service depuis"),
                value: "\(status.uptimeSeconds) s"
            ),
            .init(key: "database", label: m.pick("database", "base de données"), value: database),
            .init(key: "leader", label: m.pick("leader", "meneur"), value: status.leader ? m.yes : m.no),
            .init(key: "time_zone", label: m.pick("time zone", "fuseau horaire"), value: status.timeZone),
        ])
        return try record.render(options.format, json: status)
    }
}
