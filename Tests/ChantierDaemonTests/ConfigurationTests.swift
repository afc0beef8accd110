import ChantierCore
import ChantierTestSupport
import Foundation
import Glibc
import Logging
import Testing

@testable import ChantierDaemon

@Suite("chantierd configuration")
struct ConfigurationTests {
    let temporary: TemporaryDirectory
    var directory: URL { temporary.url }

    init() throws {
        temporary = try TemporaryDirectory("chantier-config")
    }

    private func load(_ yaml: String?, environment: [String: String] = [:]) async throws -> DaemonConfiguration {
        var path: String?
        if let yaml {
            path = directory.appending(path: "chantierd.yaml").path
            try yaml.write(toFile: path!, atomically: true, encoding: .utf8)
        }
        return try await ConfigurationLoader(explicitPath: path, environment: environment).load()
    }

    @Test func theDocumentedExampleLoadsAndEveryKeyIsInIt() async throws {
        let example = TestDatabases.repositoryRoot.appending(path: "Config/chantierd.yaml")
        let text = try String(contentsOf: example, encoding: .utf8)
        let configuration = try await load(text)
        #expect(configuration.database.conninfo == "host=/run/postgresql dbname=chantier")
        #expect(configuration.api.socketMode == 0o660)
        for key in DaemonConfiguration.keys {
            #expect(text.contains("\(key.split(separator: ".").last!):"), "Config/chantierd.yaml documents \(key)")
        }
    }

    @Test func environmentVariablesOverrideTheFileAndDefaultsFillTheRest() async throws {
        let configuration = try await load(
            "database:\n  url: from-file\n  pool_size: 4\nlog:\n  level: warning\n",
            environment: [
                "CHANTIER_DATABASE": "from-environment", "CHANTIER_SOCKET": "/tmp/env.sock",
                "CHANTIER_LOG_LEVEL": "debug", "CHANTIER_ROLES_MANAGER_GROUP": "gestion", "PGHOST": "ignored",
            ]
        )
        #expect(configuration.database.conninfo == "from-environment")
        #expect(configuration.database.poolSize == 4)
        #expect(configuration.api.socketPath == "/tmp/env.sock")
        #expect(configuration.log.level == .debug)
        #expect(configuration.roles.managerGroup == "gestion")
        #expect(configuration.timeZone == "America/Toronto")
        #expect(configuration.drainTimeout == .seconds(20))
        #expect(try await load(nil) == DaemonConfiguration())
    }

    @Test func aFileOfCommentsOnlyLeavesTheDefaults() async throws {
        #expect(try await load("# every key commented out\n# database:\n#   url: x\n") == DaemonConfiguration())
        #expect(try await load("") == DaemonConfiguration())
    }

    @Test(
        arguments: [
            (
                "database:\n  pool_size: lots\n", [:],
                "database.pool_size (CHANTIER_DATABASE_POOL_SIZE): \"lots\" is not valid"
            ),
            ("api:\n  socket_mode: \"0999\"\n", [:], "api.socket_mode"),
            ("api:\n  socket: relative.sock\n", [:], "api.socket"),
            ("organisation:\n  time_zone: Mars/Olympus\n", [:], "organisation.time_zone"),
            ("", ["CHANTIER_LOG_LEVEL": "chatty"], "log.level (CHANTIER_LOG_LEVEL)"),
            ("", ["CHANTIER_DATABASE_MIGRATE_ON_START": "maybe"], "database.migrate_on_start"),
            ("api:\n  sockett: /x.sock\n", [:], "unknown configuration key api.sockett"),
            ("hours:\n  submit_deadline: tomorrow\n", [:], "hours.submit_deadline"),
            (
                "", ["CHANTIER_STATISTICS_REFRESH_INTERVAL_MINUTES": "0"],
                "statistics.refresh_interval_minutes (CHANTIER_STATISTICS_REFRESH_INTERVAL_MINUTES)"
            ),
            ("", ["CHANTIER_PAYROLL_MINIMUM_WAGE": "16.60"], "payroll.minimum_wage (CHANTIER_PAYROLL_MINIMUM_WAGE)"),
            ("database: [oops\n", [:], "is not valid YAML"),
        ] as [(String, [String: String], String)]
    )
    func aBadValueStopsStartUpNamingTheKey(yaml: String, environment: [String: String], message: String) async throws {
        let error = await #expect(throws: DaemonError.self) { try await load(yaml, environment: environment) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func hoursDeadlinesAlertsAndTheMinimumWageAreRead() async throws {
        let defaults = try await load(nil)
        #expect(defaults.hours.deadlines == WeekDeadlines())
        #expect(defaults.minimumWage == MinimumWage.quebec)
        let configuration = try await load(
            """
            hours:
              supervisors_any_site: true
              submit_deadline: "vendredi 18:00"
              missing_hours_grace_hours: 2
            alerts:
              scan_interval_minutes: 5
            statistics:
              refresh_interval_minutes: 30
            payroll:
              minimum_wage: "2026-05-01=16.60,2027-05-01=17.05"

            """
        )
        #expect(configuration.hours.supervisorsAnySite)
        #expect(configuration.hours.deadlines.submit == .init(weekday: .friday, time: LocalTime(hour: 18)!))
        #expect(configuration.hours.deadlines.approve == WeekDeadlines().approve)
        #expect(configuration.hours.missingHoursGraceMinutes == 120)
        #expect(configuration.alerts.scanInterval == .seconds(300))
        #expect(defaults.statisticsRefreshInterval == .seconds(300))
        #expect(configuration.statisticsRefreshInterval == .seconds(1800))
        #expect(configuration.minimumWage.cents(on: LocalDate(year: 2027, month: 6, day: 1)!) == 1705)
    }

    @Test func anExplicitFileMustExist() async throws {
        let error = await #expect(throws: DaemonError.self) {
            try await ConfigurationLoader(explicitPath: "/nonexistent/chantierd.yaml", environment: [:]).load()
        }
        #expect(error?.message == "the configuration file /nonexistent/chantierd.yaml does not exist")
    }

    @Test func theDaemonExits78OnABadConfigurationAnd69WhenItsSocketIsTaken() async throws {
        let database = try await TestDatabases.shared.database()
        let bad = try await ChildProcess.run(
            BuiltProducts.path(of: "chantierd"),
            ["serve"],
            environment: ["CHANTIER_DATABASE_POOL_SIZE": "0", "PATH": "/usr/bin:/bin"]
        )
        #expect(bad.status == 78)
        #expect(bad.output.contains("database.pool_size"))
        let first = try await TestDaemon.start(conninfo: database.conninfo)
        try await first.waitUntilReady()
        let second = try await ChildProcess.run(
            BuiltProducts.path(of: "chantierd"),
            ["serve", "--config", first.configPath],
            environment: ["PATH": "/usr/bin:/bin"]
        )
        #expect(second.status == 69)
        #expect(second.output.contains("another daemon answers on \(first.socketPath)"))
        #expect(try await first.curl([], path: "/v1/status").status == 200, "the first daemon keeps its socket")
        await first.stop()
    }

    @Test func aStaleSocketFileIsReplaced() async throws {
        let database = try await TestDatabases.shared.database()
        let layout = try TestDaemon.prepare(conninfo: database.conninfo)
        // A socket file left by a daemon that was killed: bound, nobody listening.
        let stale = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            let bytes = Array(layout.socketPath.utf8)
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(stale, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        close(stale)
        #expect(FileManager.default.fileExists(atPath: layout.socketPath))
        let process = try ChildProcess.start(
            BuiltProducts.path(of: "chantierd"),
            ["serve", "--config", layout.configPath],
            environment: ["PATH": "/usr/bin:/bin"],
            outputPath: layout.directory.appending(path: "log").path
        )
        var answered = false
        for _ in 0..<100 where !answered {
            answered =
                (try? await ChildProcess.run(
                    "/usr/bin/curl",
                    ["-sf", "--unix-socket", layout.socketPath, "http://chantier/v1/status"]
                ))?.status == 0
            if !answered { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(answered, "\(process.output)")
        process.signal(SIGTERM)
        #expect(await process.waitForExit() == 0)
        try? FileManager.default.removeItem(at: layout.directory)
    }
}
