import ArgumentParser
import ChantierStorage
import Foundation
import Logging

/// `chantierd migrate`: applies the pending migrations, or lists them with `--status`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the pending database migrations.",
        discussion: """
            Each migration runs in its own transaction under an advisory lock, so two daemons \
            starting at once never race. An applied migration whose file was edited is an error.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "List applied and pending migrations instead of applying them.")
    var status = false

    func run() async throws {
        let logger = Logger(label: "chantierd.migrate")
        let directory = try MigrationsDirectory.locate(explicit: database.migrations)
        let migrations = try Migration.load(from: directory)
        try await database.withPool(logger: logger) { pool in
            let runner = MigrationRunner(pool: pool, migrations: migrations)
            if status {
                print(Self.table(try await runner.status()))
            } else {
                try await apply(runner)
            }
        }
    }

    private func apply(_ runner: MigrationRunner) async throws {
        let applied = try await runner.migrate { event in
            switch event {
            case .waitingForLock:
                print("waiting for another migration runner to finish…")
            case .applying:
                break
            case .applied(let migration, let duration):
                print(
                    "applied \(migration.fileName) (\(duration.formatted(.units(allowed: [.seconds, .milliseconds]))))"
                )
            }
        }
        let count = runner.migrations.count
        print(
            applied.isEmpty
                ? "schema is current (\(count) migrations)"
                : "schema is current (\(count) migrations, \(applied.count) applied now)"
        )
    }

    static func table(_ statuses: [MigrationStatus]) -> String {
        let width = max(4, statuses.map(\.fileName.count).max() ?? 0)
        var lines = ["FILE".padding(toLength: width, withPad: " ", startingAt: 0) + "  STATE"]
        for status in statuses {
            let state: String
            switch status.state {
            case .applied(let at): state = "applied \(at.formatted(.iso8601))"
            case .pending: state = "pending"
            case .edited(let at): state = "EDITED since it was applied \(at.formatted(.iso8601))"
            case .unknown(let at): state = "applied \(at.formatted(.iso8601)), unknown to this chantierd"
            }
            lines.append(status.fileName.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + state)
        }
        return lines.joined(separator: "\n")
    }
}
