import ArgumentParser
import ChantierAPI
import ChantierClient
import Foundation

/// `chantierctl whoami`: who the daemon sees on its socket, and the roles that gives.
struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show who the daemon sees you as, and your roles."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await Invocation.run(options) { connection in
            let identity: Components.Schemas.Whoami
            switch try await connection.client.getWhoami() {
            case .ok(let response): identity = try response.body.json
            case .default(let code, let error): throw ClientFailure(statusCode: code, error: error)
            }
            let m = Messages.current
            let roles = identity.roles.map(\.rawValue).joined(separator: " ")
            let record = Record(fields: [
                .init(key: "user", label: m.pick("user", "utilisateur"), value: identity.user),
                .init(key: "uid", label: "uid", value: "\(identity.uid)"),
                .init(key: "gid", label: "gid", value: "\(identity.gid)"),
                .init(key: "groups", label: m.pick("groups", "groupes"), value: identity.groups.joined(separator: " ")),
                .init(
                    key: "roles",
                    label: "roles",
                    value: roles.isEmpty && options.format == .table ? m.pick("none", "aucun") : roles
                ),
            ])
            print(try record.render(options.format, json: identity))
        }
    }
}
