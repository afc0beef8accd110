public import ChantierPQ
import ChantierStorage
public import Foundation
public import Logging

/// The PostgreSQL every test that needs SQL uses: one throw-away cluster per test run, a template
/// database with every migration applied, and a fresh database copied from it for each test.
public actor TestDatabases {
    public static let shared = TestDatabases()

    /// The root of the source checkout.
    public static let repositoryRoot = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's `Migrations/` directory.
    public static let migrationsDirectory = repositoryRoot.appending(path: "Migrations")

    static let templateName = "chantier_template"

    private var cluster: Task<TestCluster, any Error>?
    private var template: Task<Void, any Error>?
    private var admin: PQPool?
    private var created = 0

    /// A logger for tests: warnings and errors only, so that test output stays readable.
    public static var logger: Logger {
        var logger = Logger(label: "chantier.test")
        logger.logLevel = .warning
        return logger
    }

    /// The shared cluster, started on first use.
    public func sharedCluster() async throws -> TestCluster {
        if let cluster { return try await cluster.value }
        let starting = Task { try await TestCluster.create() }
        cluster = starting
        return try await starting.value
    }

    /// A new database on the shared cluster: a copy of the migrated template, or empty.
    public func database(migrated: Bool = true) async throws -> TestDatabase {
        let cluster = try await sharedCluster()
        if migrated { try await ensureTemplate(on: cluster) }
        created += 1
        let name = "test_\(created)"
        let source = migrated ? Self.templateName : "template0"
        try await adminPool(on: cluster).query(
            "CREATE DATABASE \(identifier: name) TEMPLATE \(identifier: source)"
        )
        return TestDatabase(name: name, cluster: cluster)
    }

    private func adminPool(on cluster: TestCluster) -> PQPool {
        if let admin { return admin }
        // One connection: CREATE DATABASE runs one at a time.
        let pool = PQPool(
            configuration: .init(
                connection: .init(conninfo: cluster.conninfo(), statementTimeout: nil),
                maxConnections: 1,
                acquireTimeout: .seconds(120)
            ),
            logger: Self.logger
        )
        admin = pool
        return pool
    }

    private func ensureTemplate(on cluster: TestCluster) async throws {
        if let template { return try await template.value }
        let admin = adminPool(on: cluster)
        let building = Task {
            try await admin.query("CREATE DATABASE \(identifier: Self.templateName) TEMPLATE template0")
            let database = TestDatabase(name: Self.templateName, cluster: cluster)
            try await database.withPool { pool in
                let migrations = try Migration.load(from: Self.migrationsDirectory)
                try await MigrationRunner(pool: pool, migrations: migrations).migrate()
            }
        }
        template = building
        try await building.value
    }
}

/// A database of the test cluster.
public struct TestDatabase: Sendable {
    public let name: String
    public let cluster: TestCluster

    public var conninfo: String { cluster.conninfo(database: name) }

    /// A pool on this database; close it when done (``withPool(maxConnections:_:)`` does).
    public func makePool(
        maxConnections: Int = 4,
        acquireTimeout: Duration = .seconds(30),
        statementTimeout: Duration? = .seconds(60)
    ) -> PQPool {
        PQPool(
            configuration: .init(
                connection: .init(conninfo: conninfo, statementTimeout: statementTimeout),
                maxConnections: maxConnections,
                acquireTimeout: acquireTimeout
            ),
            logger: TestDatabases.logger
        )
    }

    /// Runs `body` with a pool on this database and closes the pool afterwards, even on error.
    @discardableResult
    public func withPool<Result>(
        maxConnections: Int = 4,
        _ body: (PQPool) async throws -> Result
    ) async throws -> Result {
        let pool = makePool(maxConnections: maxConnections)
        do {
            let result = try await body(pool)
            await pool.close()
            return result
        } catch {
            await pool.close()
            throw error
        }
    }
}
