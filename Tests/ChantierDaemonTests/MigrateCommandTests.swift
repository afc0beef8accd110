import ChantierTestSupport
import Foundation
import Testing

@Suite("chantierd migrate", .timeLimit(.minutes(2)))
struct MigrateCommandTests {
    let chantierd = BuiltProducts.path(of: "chantierd")

    @Test func migratesAnEmptyDatabaseThenFindsNothingToDo() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        let first = try await ChildProcess.check(chantierd, ["migrate", "--database", database.conninfo])
        #expect(first.contains("applied 0001_foundation.sql"))
        #expect(first.contains("applied now"))
        let second = try await ChildProcess.check(chantierd, ["migrate", "--database", database.conninfo])
        #expect(!second.contains("applied 0001"))
        #expect(second.contains("schema is current"))
        let status = try await ChildProcess.check(chantierd, ["migrate", "--status", "--database", database.conninfo])
        #expect(status.contains("0001_foundation.sql"))
        #expect(!status.contains("pending"))
    }

    @Test func theDatabaseComesFromTheEnvironmentWhenNotGiven() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        var environment = ProcessInfo.processInfo.environment
        environment["CHANTIER_DATABASE"] = database.conninfo
        let status = try await ChildProcess.check(chantierd, ["migrate", "--status"], environment: environment)
        let first = status.split(separator: "\n").first { $0.hasPrefix("0001_foundation.sql") }
        #expect(first?.split(separator: " ").last == "pending", "\(status)")
    }

    @Test func anEditedMigrationStopsWithItsName() async throws {
        let database = try await TestDatabases.shared.database()
        let copy = URL(filePath: NSTemporaryDirectory()).appending(path: "chantier-edited-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestDatabases.migrationsDirectory, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appending(path: "0003_work.sql")
        try (try String(contentsOf: file, encoding: .utf8) + "\n-- an innocent comment\n").write(
            to: file,
            atomically: true,
            encoding: .utf8
        )
        let result = try await ChildProcess.run(
            chantierd,
            ["migrate", "--database", database.conninfo, "--migrations", copy.path]
        )
        #expect(result.status != 0)
        #expect(result.output.contains("0003_work.sql was edited after it was applied"))
        let status = try await ChildProcess.check(
            chantierd,
            ["migrate", "--status", "--database", database.conninfo, "--migrations", copy.path]
        )
        #expect(status.contains("0003_work.sql") && status.contains("EDITED"))
    }

    @Test func anUnreachableDatabaseIsExplained() async throws {
        let result = try await ChildProcess.run(
            chantierd,
            ["migrate", "--database", "host=/nonexistent dbname=chantier"]
        )
        #expect(result.status != 0)
        #expect(result.output.contains("cannot reach the database given by --database"))
        #expect(result.output.contains("/nonexistent"))
    }
}
