import ChantierAPI
import ChantierTestSupport
import Foundation
import Testing
import Yams

/// Every operation of the OpenAPI document called by a real Unix user of each role (and one with
/// none), through the daemon's socket: allowed exactly where the operation's `x-chantier-roles`
/// say, 403 everywhere else. The operations come from the document, so a new one is in the matrix
/// the day it is written.
@Suite("Authorization matrix", .timeLimit(.minutes(5)))
struct AuthorizationMatrixTests {
    struct Operation {
        var id: String
        var method: String
        var path: String
        /// `anyone`, `any`, or role names.
        var roles: [String]

        func allows(_ role: String?) -> Bool {
            if roles == ["anyone"] { return true }
            guard let role else { return false }
            return roles == ["any"] || roles.contains(role)
        }

        /// The path with every parameter filled with something that exists nowhere.
        var request: String {
            path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                switch segment {
                case "{week}": "2026-W01"
                case "{code}", "{site}": "nowhere"
                case let parameter where parameter.hasPrefix("{"): "999999"
                default: String(segment)
                }
            }.joined(separator: "/")
        }
    }

    static let roles = ["admin", "coordinator", "supervisor", "manager"]

    static func operations() throws -> [Operation] {
        let document = try #require(try Yams.load(yaml: OpenAPIDocument.yaml) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return paths.flatMap { path, item in
            item.compactMap { method, value -> Operation? in
                guard let operation = value as? [String: Any], let id = operation["operationId"] as? String else {
                    return nil
                }
                return Operation(
                    id: id,
                    method: method.uppercased(),
                    path: path,
                    roles: operation["x-chantier-roles"] as? [String] ?? []
                )
            }
        }.sorted { $0.id < $1.id }
    }

    /// What DESIGN says of the roles, checked on the document itself.
    @Test func theDocumentGivesEachRoleWhatTheDesignSays() throws {
        let operations = try Self.operations()
        #expect(operations.count > 80)
        for operation in operations {
            #expect(!operation.roles.isEmpty, "\(operation.id) declares who may call it")
            // Without a role, only "who am I" (to learn that one has none).
            #expect(operation.allows(nil) == (operation.id == "getWhoami"), "\(operation.id) without a role")
            // Admins may do everything.
            #expect(operation.allows("admin"), "\(operation.id) for admins")
        }
        let changes = operations.filter { $0.method != "GET" }
        let reads = ["acknowledgeAlert", "checkRules"]
        // Managers extract; they change nothing but their own alerts.
        #expect(changes.filter { $0.allows("manager") && !reads.contains($0.id) }.map(\.id) == [])
        // Supervisors change hours and nothing else.
        #expect(
            Set(changes.filter { $0.allows("supervisor") }.map(\.id))
                == Set(reads + ["logTime", "correctTimeEntry", "recordNoShow", "submitWeek"])
        )
        // Participants' files, outcomes and statistics are not for supervisors.
        for id in [
            "listParticipants", "getParticipant", "exportParticipants", "listOutcomes", "getOutcome",
            "listFollowUps", "getReturnToWork", "getHoursStatistic", "getAnnualReport", "exportPayroll",
        ] {
            #expect(operations.first { $0.id == id }?.allows("supervisor") == false, "\(id) for supervisors")
        }
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to create users and groups"))
    func everyOperationAnswersEveryRoleAsTheDocumentSays() async throws {
        let operations = try Self.operations()
        try await Self.withUsers(Self.roles) { users in
            try await TemporaryUser.with(prefix: "none") { nobody, _ in
                let database = try await TestDatabases.shared.database()
                let groups = Self.roles.map { "  \($0)_group: \(users[$0]!.group)" }.joined(separator: "\n")
                let daemon = try await TestDaemon.start(
                    conninfo: database.conninfo,
                    configuration: "roles:\n\(groups)\n"
                )
                try await daemon.waitUntilReady()
                var wrong: [String] = []
                for operation in operations {
                    for role in Self.roles + [nil] {
                        let user = role.map { users[$0]!.user } ?? nobody
                        let status = try await Self.call(operation, as: user, socket: daemon.socketPath)
                        let allowed = operation.allows(role)
                        if allowed ? (status == 403 || status >= 500 || status == 0) : status != 403 {
                            wrong.append("\(operation.id) as \(role ?? "no role"): \(status)")
                        }
                    }
                }
                #expect(wrong == [], "\(wrong.count) of \(operations.count * 5) calls")
                await daemon.stop()
            }
        }
    }

    /// A connection resolves its caller once (reading the user database on every request cost
    /// more than a request's SQL); a change to the user's groups counts from their next connection.
    @Test(.enabled(if: geteuid() == 0, "needs root to create users and groups"))
    func aGroupChangeCountsFromTheUsersNextConnection() async throws {
        try await TemporaryUser.with(prefix: "join") { user, _ in
            try await TemporaryUser.with(prefix: "coor") { _, coordinators in
                let database = try await TestDatabases.shared.database()
                let daemon = try await TestDaemon.start(
                    conninfo: database.conninfo,
                    configuration: "roles:\n  coordinator_group: \(coordinators)\n"
                )
                try await daemon.waitUntilReady()
                func roles() async throws -> [String] {
                    let result = try await ChildProcess.run(
                        "/usr/sbin/runuser",
                        [
                            "-u", user, "--", "/usr/bin/curl", "-s", "--unix-socket", daemon.socketPath,
                            "http://chantier/v1/whoami",
                        ]
                    )
                    let identity = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
                    return try #require(identity?["roles"] as? [String], "\(result.output)")
                }
                #expect(try await roles() == [])
                try await ChildProcess.check("/usr/bin/gpasswd", ["-a", user, coordinators])
                #expect(try await roles() == ["coordinator"])
                try await ChildProcess.check("/usr/bin/gpasswd", ["-d", user, coordinators])
                #expect(try await roles() == [])
                await daemon.stop()
            }
        }
    }

    /// The HTTP status of `operation` called by `user` with an empty JSON body.
    static func call(_ operation: Operation, as user: String, socket: String) async throws -> Int {
        var arguments = ["-u", user, "--", "/usr/bin/curl", "-s", "-o", "/dev/null", "-w", "%{http_code}"]
        arguments += ["--unix-socket", socket, "-X", operation.method, "http://chantier\(operation.request)"]
        if operation.method != "GET" { arguments += ["-H", "content-type: application/json", "-d", "{}"] }
        let result = try await ChildProcess.run("/usr/sbin/runuser", arguments)
        return Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// A user in a group of their own for each role.
    static func withUsers(
        _ roles: [String],
        made: [String: (user: String, group: String)] = [:],
        _ body: ([String: (user: String, group: String)]) async throws -> Void
    ) async throws {
        guard let role = roles.first else { return try await body(made) }
        try await TemporaryUser.with(prefix: String(role.prefix(4))) { user, group in
            var made = made
            made[role] = (user, group)
            try await withUsers(Array(roles.dropFirst()), made: made, body)
        }
    }
}
