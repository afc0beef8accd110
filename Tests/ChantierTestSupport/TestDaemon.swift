public import Foundation
import Glibc

/// A real `chantierd` process for end-to-end tests: its own temporary directory with a
/// configuration file, an API socket and a `NOTIFY_SOCKET` listener.
public final class TestDaemon: Sendable {
    public let directory: URL
    public let socketPath: String
    public let configPath: String
    public let notifications: NotifyListener
    public let process: ChildProcess.Running

    /// Where a test daemon keeps its files: a temporary directory with its configuration.
    public struct Layout: Sendable {
        public let directory: URL
        public let socketPath: String
        public let configPath: String
    }

    /// Creates the directory and a configuration for `conninfo`, with `configuration` lines
    /// appended (YAML keys of Config/chantierd.yaml), without starting anything.
    public static func prepare(conninfo: String, configuration: String = "") throws -> Layout {
        let directory = URL(filePath: NSTemporaryDirectory()).appending(
            path: "chantierd-\(UUID().uuidString.prefix(8))"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Other users (nobody, test users) must reach the socket inside.
        chmod(directory.path, 0o755)
        let layout = Layout(
            directory: directory,
            socketPath: directory.appending(path: "api.sock").path,
            configPath: directory.appending(path: "chantierd.yaml").path
        )
        try """
        database:
          url: "\(conninfo)"
          migrations_dir: \(TestDatabases.migrationsDirectory.path)
        api:
          socket: \(layout.socketPath)
          socket_mode: "0666"
          socket_group: ""
        log:
          level: info
          format: logfmt
        shutdown:
          drain_seconds: 10

        """.appending(configuration).write(toFile: layout.configPath, atomically: true, encoding: .utf8)
        return layout
    }

    /// Starts `chantierd serve` on `conninfo` (see ``prepare(conninfo:configuration:)``), with
    /// `environment` added to this process's.
    public static func start(
        conninfo: String,
        configuration: String = "",
        environment: [String: String] = [:]
    ) async throws -> TestDaemon {
        let layout = try prepare(conninfo: conninfo, configuration: configuration)
        let notifications = try NotifyListener(path: layout.directory.appending(path: "notify.sock").path)
        var processEnvironment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CHANTIER_") }
        processEnvironment["NOTIFY_SOCKET"] = notifications.path
        processEnvironment.merge(environment) { $1 }
        let process = try ChildProcess.start(
            BuiltProducts.path(of: "chantierd"),
            ["serve", "--config", layout.configPath],
            environment: processEnvironment,
            outputPath: layout.directory.appending(path: "chantierd.log").path
        )
        return TestDaemon(
            directory: layout.directory,
            socketPath: layout.socketPath,
            configPath: layout.configPath,
            notifications: notifications,
            process: process
        )
    }

    private init(
        directory: URL,
        socketPath: String,
        configPath: String,
        notifications: NotifyListener,
        process: ChildProcess.Running
    ) {
        self.directory = directory
        self.socketPath = socketPath
        self.configPath = configPath
        self.notifications = notifications
        self.process = process
    }

    /// Waits for `READY=1`; throws with the daemon's log when it does not come (or the daemon exits).
    public func waitUntilReady(timeout: Duration = .seconds(60)) async throws {
        let process = process
        guard await notifications.wait(for: { $0 == "READY=1" || !process.isRunning }, timeout: timeout),
            notifications.assignments.contains("READY=1")
        else {
            throw ChildProcess.Failure(
                command: "chantierd (never ready)",
                result: .init(status: -1, output: process.output + "\nnotifications: \(notifications.messages)")
            )
        }
    }

    /// Stops the daemon (SIGTERM, then SIGKILL after 30 s) and returns its exit status.
    @discardableResult
    public func stop() async -> Int32 {
        process.signal(SIGTERM)
        let killer = Task {
            try await Task.sleep(for: .seconds(30))
            process.signal(SIGKILL)
        }
        let status = await process.waitForExit()
        killer.cancel()
        return status
    }

    /// Runs `curl` on the API socket: `(HTTP status, body)`.
    public func curl(_ arguments: [String], path: String) async throws -> (status: Int, body: String) {
        let result = try await ChildProcess.check(
            "/usr/bin/curl",
            ["-s", "-o", "-", "-w", "\n%{http_code}", "--unix-socket", socketPath] + arguments + [
                "http://chantier\(path)"
            ]
        )
        let lines = result.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    /// Runs `chantierctl` with this daemon's socket, as `user` when given (through runuser).
    public func chantierctl(
        _ arguments: [String],
        as user: String? = nil,
        environment: [String: String] = [:]
    ) async throws -> ChildProcess.Result {
        let binary = BuiltProducts.path(of: "chantierctl")
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment["CHANTIER_SOCKET"] = socketPath
        processEnvironment.merge(environment) { $1 }
        if let user {
            let variables = processEnvironment.filter { ["CHANTIER_SOCKET", "LANG", "LC_ALL"].contains($0.key) }.map {
                "\($0.key)=\($0.value)"
            }
            return try await ChildProcess.run(
                "/usr/sbin/runuser",
                ["-u", user, "--", "/usr/bin/env"] + variables + [binary] + arguments
            )
        }
        return try await ChildProcess.run(binary, arguments, environment: processEnvironment)
    }

    deinit {
        process.signal(SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }
}
