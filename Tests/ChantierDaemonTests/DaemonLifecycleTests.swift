import ChantierPQ
import ChantierTestSupport
import Foundation
import Glibc
import Testing

@Suite("chantierd as a systemd service", .timeLimit(.minutes(3)))
struct DaemonLifecycleTests {
    @Test func readyComesOnlyOnceTheSocketAcceptsConnections() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        // At READY=1 the socket already answers, and the status said what it was doing before.
        let (status, body) = try await daemon.curl([], path: "/v1/status")
        #expect(status == 200)
        #expect(body.contains("\"state\":\"up\""))
        let assignments = daemon.notifications.assignments
        let ready = try #require(assignments.firstIndex(of: "READY=1"))
        #expect(assignments[..<ready].contains { $0.hasPrefix("STATUS=") })
        #expect(assignments.contains { $0.hasPrefix("STATUS=ready: serving the API on \(daemon.socketPath)") })
        #expect(await daemon.stop() == 0)
        #expect(daemon.notifications.assignments.contains("STOPPING=1"))
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath), "the daemon removes the socket it bound")
    }

    @Test func watchdogPingsComeAtHalfTheInterval() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo, environment: ["WATCHDOG_USEC": "1000000"])
        try await daemon.waitUntilReady()
        let before = daemon.notifications.assignments.filter { $0 == "WATCHDOG=1" }.count
        try await Task.sleep(for: .seconds(3))
        let pings = daemon.notifications.assignments.filter { $0 == "WATCHDOG=1" }.count - before
        // Every 0.5 s: about 6 in 3 s. Wide bounds, because test machines are noisy.
        #expect((3...12).contains(pings), "\(pings) watchdog pings in 3 s")
        await daemon.stop()
    }

    @Test func sighupReloadsTheConfigurationAndTheLogLevel() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        #expect(!daemon.process.output.contains("level=debug"))
        let config = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try config.replacingOccurrences(of: "level: info", with: "level: debug")
            .write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        let readyBefore = daemon.notifications.assignments.filter { $0 == "READY=1" }.count
        daemon.process.signal(SIGHUP)
        #expect(await daemon.notifications.wait(for: { $0 == "RELOADING=1" }))
        #expect(
            await daemon.notifications.wait { _ in
                daemon.notifications.assignments.filter { $0 == "READY=1" }.count > readyBefore
            }
        )
        let assignments = daemon.notifications.assignments
        let reloading = try #require(assignments.lastIndex(of: "RELOADING=1"))
        #expect(assignments[reloading...].contains { $0.hasPrefix("MONOTONIC_USEC=") })
        #expect(assignments[reloading...].contains("READY=1"))
        _ = try await daemon.curl([], path: "/v1/status")
        try await Task.sleep(for: .milliseconds(300))
        #expect(daemon.process.output.contains("level=debug"), "debug lines appear after the reload")
        // A configuration that does not load leaves the previous one in force.
        try "log: {level: shouting}\n".write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        daemon.process.signal(SIGHUP)
        #expect(await daemon.notifications.wait { _ in daemon.process.output.contains("did not reload") })
        #expect(try await daemon.curl([], path: "/v1/status").status == 200)
        #expect(await daemon.stop() == 0)
    }

    @Test func sigtermLetsTheRequestInFlightFinishThenExitsZero() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        let pool = database.makePool(maxConnections: 2)
        // Hold a lock that the daemon's next read of the sectors must wait for.
        let locked = try await pool.withConnection { connection -> PQConnection in connection }
        try await locked.query("BEGIN")
        try await locked.query("LOCK TABLE sectors IN ACCESS EXCLUSIVE MODE")
        async let request = daemon.curl([], path: "/v1/sectors")
        for _ in 0..<200 {
            let waiting = try await pool.query(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%sectors%'"
            ).value(Int.self)
            if waiting > 0 { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        daemon.process.signal(SIGTERM)
        #expect(await daemon.notifications.wait(for: { $0 == "STOPPING=1" }))
        try await Task.sleep(for: .milliseconds(300))
        try await locked.query("COMMIT")
        let (status, body) = try await request
        #expect(status == 200)
        #expect(body.contains("sectors"))
        #expect(await daemon.process.waitForExit() == 0)
        await pool.close()
    }

    @Test func socketActivationServesOnThePassedSocket() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-socket-activate") else { return }
        let database = try await TestDatabases.shared.database()
        let layout = try TestDaemon.prepare(conninfo: database.conninfo)
        defer { try? FileManager.default.removeItem(at: layout.directory) }
        // The configured socket is not the one passed: the daemon must serve on the passed one.
        let passed = layout.directory.appending(path: "passed.sock").path
        let activator = try ChildProcess.start(
            "/usr/bin/systemd-socket-activate",
            [
                "-l", passed, "--fdname=api", BuiltProducts.path(of: "chantierd"), "serve", "--config",
                layout.configPath,
            ],
            outputPath: layout.directory.appending(path: "activate.log").path
        )
        defer { activator.signal(SIGKILL) }
        // The first connection starts the daemon, which answers on the passed socket.
        var answer = ""
        for _ in 0..<100 where !answer.contains("\"api_version\"") {
            answer = try await ChildProcess.run(
                "/usr/bin/curl",
                ["-s", "--max-time", "30", "--unix-socket", passed, "http://chantier/v1/status"]
            ).output
            if !answer.contains("\"api_version\"") { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(answer.contains("\"api_version\":\"1\""), "\(answer)\n\(activator.output)")
        #expect(!FileManager.default.fileExists(atPath: layout.socketPath))
        activator.signal(SIGTERM)
        #expect(await activator.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: passed), "the daemon never removes a socket systemd owns")
    }
}
