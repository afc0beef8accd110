import ArgumentParser
import ChantierAPI
import ChantierClient

/// `chantierctl alert …`: what needs someone's attention.
struct AlertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert",
        abstract: "List and acknowledge alerts: limit breaches, missing timesheets, late approvals, expiring papers.",
        discussion: """
            Each alert targets a role and is raised once. You see the alerts of your roles (an admin \
            sees all) and may acknowledge them.
            """,
        subcommands: [List.self, Ack.self]
    )

    static func listing(_ alerts: [Components.Schemas.Alert]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "id", label: "id"), .init(key: "raised_at", label: m.pick("raised", "levée")),
                .init(key: "kind", label: m.pick("kind", "type")),
                .init(key: "severity", label: m.pick("severity", "gravité")),
                .init(key: "for", label: m.pick("for", "pour")), .init(key: "message", label: "message"),
                .init(key: "acknowledged_by", label: m.pick("acknowledged by", "vue par")),
            ],
            rows: alerts.map { alert in
                [
                    "\(alert.id)", alert.raisedAt, alert.kind.rawValue, alert.severity.rawValue,
                    alert.targetRole.rawValue,
                    alert.message, alert.acknowledgedBy ?? "",
                ]
            }
        )
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the open alerts for your roles.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this kind of alert.") var kind: Components.Schemas.AlertKind?
        @Flag(help: "Include acknowledged alerts.") var all = false

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.AlertList
                switch try await connection.client.listAlerts(query: .init(kind: kind, all: all)) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try AlertCommand.listing(list.alerts).render(options.format, json: list))
            }
        }
    }

    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Acknowledge an alert.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The alert's id.") var id: Int

        func run() async throws {
            try await Invocation.run(options) { connection in
                let alert: Components.Schemas.Alert
                switch try await connection.client.acknowledgeAlert(
                    path: .init(id: id),
                    headers: .init(idempotencyKey: options.idempotencyKey)
                ) {
                case .ok(let response): alert = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                guard options.format == .table else {
                    print(try AlertCommand.listing([alert]).render(options.format, json: alert))
                    return
                }
                let m = Messages.current
                print(m.pick("acknowledged alert \(alert.id)", "alerte \(alert.id) vue"))
            }
        }
    }
}

extension Components.Schemas.AlertKind: ExpressibleByArgument {}
