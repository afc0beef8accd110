import ChantierAPI
import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Foundation
import Glibc
import Hummingbird
import Testing
import Yams

@testable import ChantierDaemon

@Suite("The admin API over the Unix socket", .timeLimit(.minutes(3)))
struct APITests {
    @Test func chantierctlStatusAndWhoamiAsRoot() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        let status = try await daemon.chantierctl(["status"])
        #expect(status.status == 0)
        #expect(status.output.contains("database") && status.output.contains("up (schema"))
        let whoami = try await daemon.chantierctl(["whoami", "--json"])
        let identity = try JSONDecoder().decode(Identity.self, from: Data(whoami.output.utf8))
        #expect(identity.uid == geteuid())
        if geteuid() == 0 { #expect(identity.roles == ["admin"]) }
        let french = try await daemon.chantierctl(["whoami"], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(french.output.contains("utilisateur"))
        let csv = try await daemon.chantierctl(["status", "--csv"], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(
            csv.output.hasPrefix("version,api,pid,started,uptime_seconds,database,leader,time_zone\n"),
            "\(csv.output)"
        )
        await daemon.stop()
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to run as other users"))
    func aUserWithoutARoleGets403AndTheNotAuthorizedExitCode() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        let status = try await daemon.chantierctl(["status"], as: "nobody")
        #expect(status.status == 77)
        #expect(status.output.contains("nobody is not authorized to getStatus"))
        let whoami = try await daemon.chantierctl(["whoami", "--json"], as: "nobody")
        #expect(whoami.status == 0)
        #expect(try JSONDecoder().decode(Identity.self, from: Data(whoami.output.utf8)).roles.isEmpty)
        await daemon.stop()
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to create a user and a group"))
    func aUserInTheManagersGroupGetsTheManagerRole() async throws {
        try await TemporaryUser.with(prefix: "mgr") { user, group in
            let database = try await TestDatabases.shared.database()
            let daemon = try await TestDaemon.start(
                conninfo: database.conninfo,
                configuration: "roles:\n  manager_group: \(group)\n"
            )
            try await daemon.waitUntilReady()
            let whoami = try await daemon.chantierctl(["whoami", "--json"], as: user)
            let identity = try JSONDecoder().decode(Identity.self, from: Data(whoami.output.utf8))
            #expect(identity.user == user)
            #expect(identity.roles == ["manager"])
            #expect(identity.groups.contains(group))
            // Managers read; they do not add sectors.
            #expect(try await daemon.chantierctl(["status"], as: user).status == 0)
            await daemon.stop()
        }
    }

    @Test func aRetryWithTheSameIdempotencyKeyReturnsTheFirstResponseAndChangesNothing() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        let body = #"{"code": "cap-nord", "name": "Cap nord"}"#
        let headers = [
            "-X", "POST", "-H", "content-type: application/json", "-H", "Idempotency-Key: retry-1", "-d", body,
        ]
        let first = try await daemon.curl(headers, path: "/v1/sectors")
        let second = try await daemon.curl(headers + ["-i"], path: "/v1/sectors")
        #expect(first.status == 201)
        #expect(second.status == 201)
        #expect(second.body.contains("Idempotency-Replayed: true"))
        #expect(second.body.hasSuffix(first.body))
        try await database.withPool { pool throws in
            #expect(try await pool.query("SELECT count(*) FROM sectors WHERE code = 'cap-nord'").value(Int.self) == 1)
            #expect(
                try await pool.query(
                    "SELECT count(*) FROM audit_log WHERE table_name = 'sectors' AND after ->> 'code' = 'cap-nord'"
                )
                .value(Int.self) == 1
            )
        }
        // The same key for another request is refused.
        let other = try await daemon.curl(
            [
                "-X", "POST", "-H", "content-type: application/json", "-H", "Idempotency-Key: retry-1", "-d",
                #"{"code": "x", "name": "X"}"#,
            ],
            path: "/v1/sectors"
        )
        #expect(other.status == 422 && other.body.contains("idempotency-key-reused"))
        // Without a key, a second request is a second request: it conflicts.
        let again = try await daemon.curl(
            ["-X", "POST", "-H", "content-type: application/json", "-d", body],
            path: "/v1/sectors"
        )
        #expect(again.status == 409 && again.body.contains("already-exists"))

        // A change whose daemon stopped between its commit and keeping its answer: a retry long
        // after is told the change was made and the answer lost, not to wait.
        let lost = #"{"code": "cap-sud", "name": "Cap sud"}"#
        try await database.withPool { pool throws in
            try await pool.query(
                """
                INSERT INTO idempotency_keys (caller_uid, key, method, path, request_body, created_at)
                VALUES (\(Int(getuid())), 'lost-1', 'POST', '/v1/sectors', \(PQBytes(Array(lost.utf8))),
                        now() - interval '3 minutes')
                """
            )
        }
        let retried = try await daemon.curl(
            ["-X", "POST", "-H", "content-type: application/json", "-H", "Idempotency-Key: lost-1", "-d", lost],
            path: "/v1/sectors"
        )
        #expect(retried.status == 409 && retried.body.contains("answer was lost"), "\(retried.body)")
        await daemon.stop()
    }

    @Test func everyMutationIsAuditedWithTheCaller() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        let created = try await daemon.curl(
            [
                "-X", "POST", "-H", "content-type: application/json", "-d",
                #"{"code": "pointe-du-lac", "name": "Pointe-du-Lac"}"#,
            ],
            path: "/v1/sectors"
        )
        #expect(created.status == 201)
        try await database.withPool { pool throws in
            let row = try #require(
                try await pool.query(
                    """
                    SELECT actor_uid, actor_name, actor_role, operation FROM audit_log
                    WHERE table_name = 'sectors' AND after ->> 'code' = 'pointe-du-lac'
                    """
                ).firstRow
            )
            let (uid, name, role, operation) = try row.decode(Int.self, String.self, String?.self, String.self)
            #expect(uid == Int(geteuid()))
            #expect(name == (geteuid() == 0 ? "root" : name))
            #expect(operation == "createSector")
            if geteuid() == 0 { #expect(role == "admin") }
        }
        await daemon.stop()
    }

    @Test(arguments: [
        (
            ["-X", "POST", "-H", "content-type: application/json", "-d", "{\"code\": "], "/v1/sectors", 400,
            "bad-request", "not valid JSON"
        ),
        (
            [
                "-X", "POST", "-H", "content-type: application/json", "-d",
                #"{"code": "a", "name": "A", "colour": "red"}"#,
            ], "/v1/sectors", 400, "unknown-field", "colour"
        ),
        (
            ["-X", "POST", "-H", "content-type: application/json", "-d", #"{"code": 7, "name": "A"}"#], "/v1/sectors",
            400, "invalid-field", "code: must be a string"
        ),
        (
            ["-X", "POST", "-H", "content-type: application/json", "-d", #"{"name": "A"}"#], "/v1/sectors", 400,
            "invalid-field", "code: is required"
        ),
        (
            ["-X", "POST", "-H", "content-type: application/json", "-d", #"{"code": "Adélard", "name": "A"}"#],
            "/v1/sectors", 400, "invalid-field", "code: must be lower-case"
        ),
        (
            ["-X", "POST", "-H", "content-type: text/plain", "-d", "code=a"], "/v1/sectors", 415,
            "unsupported-media-type", ""
        ),
        (["-X", "POST"], "/v1/sectors", 400, "bad-request", ""),
        ([], "/v1/nothing-here", 404, "not-found", "/v1/nothing-here"),
        (["-X", "DELETE"], "/v1/status", 405, "method-not-allowed", "it accepts GET"),
        (["-X", "PUT", "-i"], "/v1/sectors", 405, "method-not-allowed", "llow: GET, POST"),
        // Found by scripts/fuzz-api: parameters outside what the document allows, and NUL characters,
        // are refused by name instead of reaching the database.
        ([], "/v1/participants?limit=-124", 400, "invalid-field", "limit must be 1 or more"),
        ([], "/v1/participants?search=" + String(repeating: "a", count: 300), 400, "invalid-field", "at most"),
        ([], "/v1/followups?participant=0", 400, "invalid-field", "participant must be 1 or more"),
        ([], "/v1/outcomes?to=", 400, "invalid-field", "to must be a day"),
        ([], "/v1/outcomes?program=a%00b", 400, "invalid-field", "NUL"),
        ([], "/v1/plans/x/diff", 400, "invalid-field", "id must be a whole number"),
        // A value of any length is quoted short in the message.
        (
            [
                "-X", "POST", "-H", "content-type: text/csv", "--data-binary",
                "given_name,family_name,birth_date\nLéa,Tremblay,"
                    + String(repeating: "9", count: 5000) + "\n",
            ],
            "/v1/participant-imports", 422, "invalid-rows", "99999…"
        ),
        (
            [
                "-X", "POST", "-H", "content-type: application/json", "-H", "Idempotency-Key;", "-d",
                #"{"code": "a", "name": "A"}"#,
            ], "/v1/sectors", 400, "invalid-field", "Idempotency-Key"
        ),
    ])
    func malformedRequestsGetAClearClientError(
        arguments: [String],
        path: String,
        status: Int,
        kind: String,
        message: String
    ) async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        let response = try await daemon.curl(arguments, path: path)
        #expect(response.status == status, "\(response.body)")
        if !kind.isEmpty { #expect(response.body.contains("\"kind\":\"\(kind)\""), "\(response.body)") }
        if !message.isEmpty { #expect(response.body.contains(message), "\(response.body)") }
        await daemon.stop()
    }

    /// Found by InputFuzzTests: a NUL byte in an imported file was a 500; nothing is imported.
    @Test func aNULByteInAnImportedFileIs400() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        let file = daemon.directory.appending(path: "nul.csv")
        try Data("given_name,family_name,birth_date\nL\u{0}a,Tremblay,2010-05-04\n".utf8).write(to: file)
        let response = try await daemon.curl(
            ["-X", "POST", "-H", "content-type: text/csv", "--data-binary", "@\(file.path)"],
            path: "/v1/participant-imports"
        )
        #expect(response.status == 400 && response.body.contains("NUL"), "\(response.body)")
        #expect(try await daemon.curl([], path: "/v1/participants").body.contains("\"participants\":[]"))
        await daemon.stop()
    }

    /// Clients that open connections and never finish a request (or stop mid-way) hold nothing:
    /// others are answered meanwhile, and the idle timeout closes them.
    @Test func oversizedBodiesAre413() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(
            conninfo: database.conninfo,
            environment: ["CHANTIER_API_MAX_BODY_BYTES": "2048"]
        )
        try await daemon.waitUntilReady()
        let big = #"{"code": "a", "name": ""# + String(repeating: "x", count: 5000) + #""}"#
        let response = try await daemon.curl(
            ["-X", "POST", "-H", "content-type: application/json", "-d", big],
            path: "/v1/sectors"
        )
        #expect(response.status == 413)
        #expect(response.body.contains("payload-too-large"))
        #expect(try await daemon.curl([], path: "/v1/status").status == 200)
        await daemon.stop()
    }

    @Test func metricsAndTheOpenAPIDocumentAreServed() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        _ = try await daemon.curl([], path: "/v1/status")
        let metrics = try await daemon.curl([], path: "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.body.contains(#"chantier_http_requests_total{operation="getStatus",status="200"}"#))
        #expect(metrics.body.contains("chantier_database_up 1"))
        let document = try await daemon.curl([], path: "/v1/openapi.yaml")
        #expect(document.status == 200)
        let parsed = try #require(try Yams.load(yaml: document.body) as? [String: Any])
        #expect(parsed["openapi"] as? String == "3.1.0")
        await daemon.stop()
    }

    @Test func theServerServesExactlyTheOperationsOfTheDocument() async throws {
        let catalog = try OperationCatalog(yaml: OpenAPIDocument.yaml)
        #expect(catalog.operations.count >= 6)
        let pool = PQPool(configuration: .init(), logger: TestDatabases.logger)
        let router = try Daemon.makeRouter(
            state: DaemonState(configuration: DaemonConfiguration(), version: "test"),
            database: .init(pool: pool),
            maxBodyBytes: 1024
        )
        await pool.close()
        let served = Set(router.routes.map { "\($0.method) \($0.path)" })
        let documented = Set(catalog.operations.map { "\($0.method) \($0.path)" })
        #expect(served == documented)
    }

    @Test func anOperationWithoutDeclaredRolesIsRefused() {
        let document = """
            openapi: "3.1.0"
            paths:
              /v1/open:
                get:
                  operationId: open
                  responses: {}
            """
        let error = #expect(throws: OperationCatalog.CatalogError.self) { try OperationCatalog(yaml: document) }
        #expect(error?.message == "open does not declare x-chantier-roles")
    }
}

struct Identity: Decodable {
    var uid: UInt32
    var user: String
    var groups: [String]
    var roles: [String]
}
