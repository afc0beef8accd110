import ChantierTestSupport
import Foundation
import Testing

@testable import ChantierStorage

@Suite("Migration files: names, order and mistakes")
struct MigrationLoadingTests {
    let temporary: TemporaryDirectory
    var directory: URL { temporary.url }

    init() throws {
        temporary = try TemporaryDirectory("chantier-migrations")
    }

    private func write(_ name: String, _ sql: String = "SELECT 1;") throws {
        try sql.write(to: directory.appending(path: name), atomically: true, encoding: .utf8)
    }

    @Test func theRepositoryMigrationsLoadInOrder() throws {
        let migrations = try Migration.load(from: TestDatabases.migrationsDirectory)
        #expect(migrations.first?.fileName == "0001_foundation.sql")
        #expect(migrations.map(\.version) == migrations.map(\.version).sorted())
        #expect(Set(migrations.map(\.version)).count == migrations.count)
    }

    @Test func filesAreOrderedByNumberNotByName() throws {
        try write("0010_ten.sql")
        try write("0002_two.sql")
        try write("notes.txt", "not a migration")
        #expect(try Migration.load(from: directory).map(\.fileName) == ["0002_two.sql", "0010_ten.sql"])
    }

    @Test func aMisnamedFileIsRefusedByName() throws {
        try write("add_participants.sql")
        let error = #expect(throws: StorageError.self) { try Migration.load(from: directory) }
        #expect(error?.code == .invalidMigration)
        #expect(error?.message.contains("add_participants.sql") == true)
    }

    @Test func twoFilesWithOneVersionAreRefused() throws {
        try write("0003_a.sql")
        try write("0003_b.sql")
        let error = #expect(throws: StorageError.self) { try Migration.load(from: directory) }
        #expect(error?.message.contains("0003_a.sql") == true && error?.message.contains("0003_b.sql") == true)
    }

    @Test func aMissingOrEmptyDirectoryIsReported() throws {
        let missing = #expect(throws: StorageError.self) { try Migration.load(from: directory.appending(path: "nope")) }
        #expect(missing?.code == .migrationsNotFound)
        let empty = #expect(throws: StorageError.self) { try Migration.load(from: directory) }
        #expect(empty?.code == .migrationsNotFound)
    }

    @Test func versionParsing() {
        #expect(Migration.version(ofFileName: "0001_foundation.sql") == 1)
        #expect(Migration.version(ofFileName: "12_x.sql") == 12)
        #expect(Migration.version(ofFileName: "_x.sql") == nil)
        #expect(Migration.version(ofFileName: "0001_.sql") == nil)
        #expect(Migration.version(ofFileName: "0001-x.sql") == nil)
        #expect(Migration.version(ofFileName: "0001_a b.sql") == nil)
    }
}
