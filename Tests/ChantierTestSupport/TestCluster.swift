public import Foundation
import Glibc

/// A throw-away PostgreSQL cluster in a temporary directory, listening only on a Unix socket there.
///
/// `initdb` refuses to run as root, so when the tests run as root the cluster belongs to the
/// `postgres` user and every server command runs through `runuser`. A reaper process removes the
/// cluster when the test process ends, however it ends.
public final class TestCluster: Sendable {
    /// The temporary directory holding the data, the socket and the server log.
    public let root: URL
    let binDirectory: String
    let runsAsPostgres: Bool

    public var socketDirectory: String { root.path }
    var dataDirectory: String { root.appending(path: "data").path }
    var logFile: String { root.appending(path: "server.log").path }

    private init(root: URL, binDirectory: String, runsAsPostgres: Bool) {
        self.root = root
        self.binDirectory = binDirectory
        self.runsAsPostgres = runsAsPostgres
    }

    /// Creates, starts and arranges the removal of a new cluster.
    public static func create() async throws -> TestCluster {
        let binDirectory = try await PostgresBinaries.directory()
        let root = URL(filePath: NSTemporaryDirectory()).appending(path: "chantier-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let runsAsPostgres = geteuid() == 0
        if runsAsPostgres {
            try await ChildProcess.check("/bin/chown", ["postgres:postgres", root.path])
        }
        let cluster = TestCluster(root: root, binDirectory: binDirectory, runsAsPostgres: runsAsPostgres)
        try await cluster.arrangeRemoval()
        try await cluster.server(
            "initdb",
            ["-D", cluster.dataDirectory, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--no-locale"]
        )
        try await cluster.start()
        return cluster
    }

    /// A libpq connection string for `database` on this cluster.
    public func conninfo(database: String = "postgres") -> String {
        "host=\(socketDirectory) port=5432 user=postgres dbname=\(database)"
    }

    public func start() async throws {
        let options = [
            "-c listen_addresses=''", "-c unix_socket_directories='\(socketDirectory)'", "-c fsync=off",
            "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300",
        ].joined(separator: " ")
        try await server("pg_ctl", ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", options, "start"])
    }

    /// Stops the server (fast shutdown: sessions are terminated, as in a real restart).
    public func stop() async throws {
        try await server("pg_ctl", ["-D", dataDirectory, "-w", "-m", "fast", "stop"])
    }

    /// Stops the server if it runs and removes the directory.
    public func destroy() async {
        _ = try? await server("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(at: root)
    }

    @discardableResult
    private func server(_ program: String, _ arguments: [String]) async throws -> String {
        let path = "\(binDirectory)/\(program)"
        if runsAsPostgres {
            return try await ChildProcess.check("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments)
        }
        return try await ChildProcess.check(path, arguments)
    }

    /// Starts a detached shell that waits for this process to end, then stops the server and
    /// deletes the directory: crashed or interrupted test runs leave nothing behind.
    private func arrangeRemoval() async throws {
        let stop =
            (runsAsPostgres ? "/usr/sbin/runuser -u postgres -- " : "")
            + "'\(binDirectory)/pg_ctl' -D '\(dataDirectory)' -m immediate stop"
        let script =
            "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop) >/dev/null 2>&1; rm -rf '\(root.path)'"
        try await ChildProcess.check("/usr/bin/setsid", ["-f", "/bin/sh", "-c", script])
    }
}

/// Where the PostgreSQL server programs are: `CHANTIER_PG_BINDIR`, else `pg_config --bindir`, else
/// the newest `/usr/lib/postgresql/*/bin`.
enum PostgresBinaries {
    static func directory() async throws -> String {
        if let directory = ProcessInfo.processInfo.environment["CHANTIER_PG_BINDIR"] { return directory }
        if let output = try? await ChildProcess.check("/usr/bin/pg_config", ["--bindir"]) {
            let directory = output.trimmingCharacters(in: .whitespacesAndNewlines)
            if FileManager.default.isExecutableFile(atPath: "\(directory)/initdb") { return directory }
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        if let newest = versions.compactMap(Int.init).max() { return "/usr/lib/postgresql/\(newest)/bin" }
        throw ChildProcess.Failure(
            command: "locate initdb",
            result: .init(status: 1, output: "PostgreSQL server programs not found; install the postgresql package")
        )
    }
}
