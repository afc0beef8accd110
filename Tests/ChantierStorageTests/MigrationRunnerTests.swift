import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Testing

@Suite("MigrationRunner against a real database", .timeLimit(.minutes(2)))
struct MigrationRunnerTests {
    let database: TestDatabase
    let migrations: [Migration]

    init() async throws {
        database = try await TestDatabases.shared.database(migrated: false)
        migrations = try Migration.load(from: TestDatabases.migrationsDirectory)
    }

    @Test func anEmptyDatabaseGetsEveryMigrationThenNothing() async throws {
        try await database.withPool { pool throws in
            let runner = MigrationRunner(pool: pool, migrations: migrations)
            #expect(try await runner.pending().count == migrations.count)
            let applied = try await runner.migrate()
            #expect(applied.map(\.fileName) == migrations.map(\.fileName))
            let recorded = try await pool.query("SELECT file_name FROM schema_migrations ORDER BY version")
                .map { try $0.decode(String.self, column: 0) }
            #expect(recorded == migrations.map(\.fileName))
            #expect(try await runner.migrate().isEmpty)
            #expect(try await runner.pending().isEmpty)
            let states = try await runner.status().map(\.state)
            #expect(states.allSatisfy { if case .applied = $0 { true } else { false } })
        }
    }

    @Test func anEditedMigrationIsRefusedByName() async throws {
        try await database.withPool { pool throws in
            try await MigrationRunner(pool: pool, migrations: migrations).migrate()
            var edited = migrations
            let original = edited[1]
            edited[1] = Migration(
                version: original.version,
                fileName: original.fileName,
                sql: original.sql + "\n-- tweak\n"
            )
            let runner = MigrationRunner(pool: pool, migrations: edited)
            let error = await #expect(throws: StorageError.self) { try await runner.migrate() }
            #expect(error?.code == .migrationEdited)
            #expect(error?.message.contains(original.fileName) == true)
            #expect(try await runner.status()[1].state.isEdited)
        }
    }

    @Test func aDatabaseNewerThanTheCodeIsRefused() async throws {
        try await database.withPool { pool throws in
            try await MigrationRunner(pool: pool, migrations: migrations).migrate()
            let older = MigrationRunner(pool: pool, migrations: Array(migrations.dropLast()))
            let error = await #expect(throws: StorageError.self) { try await older.migrate() }
            #expect(error?.code == .schemaNewerThanProgram)
            #expect(error?.message.contains(migrations.last!.fileName) == true)
        }
    }

    @Test func aMigrationNumberedBeforeAnAppliedOneIsRefused() async throws {
        try await database.withPool { pool throws in
            let later = Migration(version: 9000, fileName: "9000_later.sql", sql: "CREATE TABLE later (id int);")
            try await MigrationRunner(pool: pool, migrations: migrations + [later]).migrate()
            let early = Migration(version: 8999, fileName: "8999_early.sql", sql: "CREATE TABLE early (id int);")
            let error = await #expect(throws: StorageError.self) {
                try await MigrationRunner(pool: pool, migrations: migrations + [early, later]).migrate()
            }
            #expect(error?.code == .migrationOutOfOrder)
            #expect(error?.message.contains("8999_early.sql") == true)
        }
    }

    @Test func aFailingMigrationLeavesNothingBehind() async throws {
        try await database.withPool { pool throws in
            let broken = Migration(
                version: 9001,
                fileName: "9001_broken.sql",
                sql: "CREATE TABLE half_done (id int); INSERT INTO no_such_table VALUES (1);"
            )
            let runner = MigrationRunner(pool: pool, migrations: migrations + [broken])
            let error = await #expect(throws: StorageError.self) { try await runner.migrate() }
            #expect(error?.code == .migrationFailed)
            #expect(error?.message.contains("9001_broken.sql") == true)
            #expect(error?.message.contains("no_such_table") == true)
            #expect(try await pool.query("SELECT to_regclass('half_done') IS NULL").value(Bool.self))
            // The migrations before it stay applied; only the broken one is pending.
            #expect(try await runner.pending().map(\.fileName) == ["9001_broken.sql"])
        }
    }

    @Test func twoRunnersAtOnceApplyEachMigrationExactlyOnce() async throws {
        let first = database.makePool(maxConnections: 1)
        let second = database.makePool(maxConnections: 1)
        let migrations = self.migrations
        async let one = MigrationRunner(pool: first, migrations: migrations).migrate()
        async let two = MigrationRunner(pool: second, migrations: migrations).migrate()
        let applied = try await [one, two]
        #expect(applied.map(\.count).sorted() == [0, migrations.count])
        let counts = try await first.query("SELECT count(*), count(DISTINCT version) FROM schema_migrations")
        let (total, distinct) = try counts[0].decode(Int.self, Int.self)
        #expect(total == migrations.count && distinct == migrations.count)
        await first.close()
        await second.close()
    }
}

extension MigrationStatus.State {
    var isEdited: Bool {
        if case .edited = self { return true }
        return false
    }
}
