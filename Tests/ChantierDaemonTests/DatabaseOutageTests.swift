import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Foundation
import Testing

@Suite("chantierd when the database is down", .timeLimit(.minutes(3)))
struct DatabaseOutageTests {
    @Test func waitsForTheDatabaseThenServesThroughAnOutage() async throws {
        // A private cluster, since this test stops and starts it.
        let cluster = try await TestCluster.create()
        do {
            try await exerciseOutages(cluster)
        } catch {
            await cluster.destroy()
            throw error
        }
        await cluster.destroy()
    }

    private func exerciseOutages(_ cluster: TestCluster) async throws {
        let admin = PQPool(
            configuration: .init(connection: .init(conninfo: cluster.conninfo())),
            logger: TestDatabases.logger
        )
        try await admin.query("CREATE DATABASE chantier")
        await admin.close()
        let conninfo = cluster.conninfo(database: "chantier")
        try await ChildProcess.check(BuiltProducts.path(of: "chantierd"), ["migrate", "--database", conninfo])
        try await cluster.stop()

        // Started while the database is down: it says so and is not ready.
        let daemon = try await TestDaemon.start(conninfo: conninfo)
        #expect(await daemon.notifications.wait(for: { $0.hasPrefix("STATUS=database unavailable") }))
        #expect(!daemon.notifications.assignments.contains("READY=1"))
        let (downStatus, downBody) = try await daemon.curl([], path: "/v1/sectors")
        #expect(downStatus == 503)
        #expect(downBody.contains("\"kind\":\"database-unavailable\""))
        let status = try await daemon.curl([], path: "/v1/status")
        #expect(status.status == 200 && status.body.contains("\"state\":\"down\""))

        // The database starts: the daemon becomes ready by itself.
        try await cluster.start()
        try await daemon.waitUntilReady(timeout: .seconds(30))
        #expect(try await daemon.curl([], path: "/v1/sectors").status == 200)

        // An outage while running: 503 meanwhile, then recovery without a restart.
        try await cluster.stop()
        var sawUnavailable = false
        for _ in 0..<100 where !sawUnavailable {
            let (code, body) = try await daemon.curl([], path: "/v1/sectors")
            sawUnavailable = code == 503 && body.contains("database-unavailable")
            if !sawUnavailable { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(sawUnavailable)
        #expect(await daemon.notifications.wait(for: { $0.hasPrefix("STATUS=database unavailable") }))
        try await cluster.start()
        var recovered = false
        for _ in 0..<200 where !recovered {
            recovered = try await daemon.curl([], path: "/v1/sectors").status == 200
            if !recovered { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(recovered, "the daemon reconnects by itself")
        #expect(await daemon.notifications.wait(for: { $0.hasPrefix("STATUS=ready") }))
        #expect(await daemon.stop() == 0)
    }
}
