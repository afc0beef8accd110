import ChantierPQ
import ChantierTestSupport
import Foundation
import Testing

/// Failures nothing in the daemon foresees, made on purpose with a trigger that raises: the
/// caller still hears what happened, and the log says what failed without the request's data.
@Suite("Unforeseen failures", .timeLimit(.minutes(3)))
struct UnforeseenFailureTests {
    @Test func anUnforeseenDatabaseErrorIsA500LoggedWithoutTheRequestsData() async throws {
        let database = try await TestDatabases.shared.database()
        try await makeFail("BEFORE INSERT ON sectors", saying: "failing on purpose", in: database)
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        let response = try await daemon.curl(
            [
                "-X", "POST", "-H", "content-type: application/json", "-d",
                #"{"code": "x", "name": "Marie-Ève Tremblay"}"#,
            ],
            path: "/v1/sectors"
        )
        #expect(response.status == 500)
        #expect(response.body.contains("internal-error") && response.body.contains("its log has the details"))
        #expect(!response.body.contains("failing on purpose"), "the database's message is for the log")
        let log = daemon.process.output
        let line = try #require(log.split(separator: "\n").first { $0.contains("request failed") }, "\(log)")
        #expect(line.contains("failing on purpose") && line.contains("/v1/sectors"), "\(line)")
        #expect(!log.contains("Tremblay"), "the request's data is not logged: \(log)")
        #expect(try await daemon.curl([], path: "/v1/status").status == 200)
        await daemon.stop()
    }

    /// The change committed but its answer could not be kept for retries: the caller gets the
    /// answer all the same, the log says so, and a retry is told to wait rather than redo it.
    @Test func aChangeWhoseAnswerCannotBeKeptIsStillAnswered() async throws {
        let database = try await TestDatabases.shared.database()
        try await makeFail("BEFORE UPDATE ON idempotency_keys", saying: "refusing answers on purpose", in: database)
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        let request = [
            "-X", "POST", "-H", "content-type: application/json", "-H", "Idempotency-Key: unkept-1", "-d",
            #"{"code": "cap-est", "name": "Cap est"}"#,
        ]
        let first = try await daemon.curl(request, path: "/v1/sectors")
        #expect(first.status == 201 && first.body.contains("cap-est"), "\(first.body)")
        #expect(daemon.process.output.contains("cannot keep an answer for retries"), "\(daemon.process.output)")
        let retry = try await daemon.curl(request, path: "/v1/sectors")
        #expect(retry.status == 409 && retry.body.contains("retry in a moment"), "\(retry.body)")
        try await database.withPool { pool throws in
            #expect(try await pool.query("SELECT count(*) FROM sectors WHERE code = 'cap-est'").value(Int.self) == 1)
        }
        await daemon.stop()
    }

    /// Makes every row event `event` (e.g. `BEFORE INSERT ON sectors`) raise `message`.
    private func makeFail(_ event: String, saying message: String, in database: TestDatabase) async throws {
        try await database.withPool { pool throws in
            try await pool.withConnection { connection in
                try await connection.simpleQuery(
                    PQQuery(
                        unsafeSQL: """
                            CREATE FUNCTION fail_on_purpose() RETURNS trigger LANGUAGE plpgsql AS $$
                            BEGIN RAISE EXCEPTION '\(message)'; END $$;
                            CREATE TRIGGER fail_on_purpose \(event) FOR EACH ROW EXECUTE FUNCTION fail_on_purpose();
                            """
                    )
                )
            }
        }
    }
}
