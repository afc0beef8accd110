import ChantierPQ
import ChantierStorage
import ChantierSystemd
import Logging
import Metrics
import ServiceLifecycle

/// Keeps the database connection pool and watches the database: waits for it at start, checks
/// (or applies) the migrations, then probes it regularly. When it stops answering the daemon
/// stays up, says so, and reconnects by itself with a short backoff.
final class DatabaseService: Service {
    let pool: PQPool
    private let runner: MigrationRunner
    private let state: DaemonState
    private let notifier: any ServiceNotifier
    private let logger: Logger
    private let schedule: ProbeSchedule

    init(
        pool: PQPool,
        migrations: [Migration],
        state: DaemonState,
        notifier: any ServiceNotifier,
        logger: Logger,
        schedule: ProbeSchedule = ProbeSchedule()
    ) {
        self.pool = pool
        runner = MigrationRunner(pool: pool, migrations: migrations)
        self.state = state
        self.notifier = notifier
        self.logger = logger
        self.schedule = schedule
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                var failures = 0
                while !Task.isCancelled {
                    failures = await self.probe() ? 0 : failures + 1
                    try await Task.sleep(for: self.schedule.delay(afterFailures: failures))
                }
            }
        } catch is CancellationError {
            // Shutting down.
        }
        await pool.close()
    }

    /// One probe; `true` when the database answers and the schema is current.
    private func probe() async -> Bool {
        defer {
            let usage = pool.usage
            Gauge(label: "chantier_database_connections", dimensions: [("state", "open")]).record(usage.open)
            Gauge(label: "chantier_database_connections", dimensions: [("state", "idle")]).record(usage.idle)
            Gauge(label: "chantier_database_connections", dimensions: [("state", "waiting")]).record(usage.waiting)
            state.update { $0.lastProbe = .now }
        }
        do {
            try await pool.query("SELECT 1")
            if state.current.database != .up { try await checkSchema() }
            Gauge(label: "chantier_database_up").record(1)
            return true
        } catch let error as PQError where [.connectionFailed, .connectionLost, .poolTimeout].contains(error.code) {
            markDown("the database does not answer (\(error.message))")
        } catch let error as StorageError {
            markDown(error.message)
        } catch is CancellationError {
            return false
        } catch {
            markDown("the database check failed: \(error)")
        }
        Gauge(label: "chantier_database_up").record(0)
        return false
    }

    private func checkSchema() async throws {
        var pending = try await runner.pending()
        if !pending.isEmpty && state.configuration.database.migrateOnStart {
            try await migrate()
            pending = try await runner.pending()
        }
        let applied = runner.migrations.map(\.version).filter { version in !pending.contains { $0.version == version } }
        state.update {
            $0.schemaVersion = applied.max()
            $0.pendingMigrations = pending.count
        }
        guard pending.isEmpty else {
            throw StorageError(
                code: .migrationOutOfOrder,
                message: "the schema is \(pending.count) migration(s) behind (next: \(pending[0].fileName)); "
                    + "run chantierd migrate, or set database.migrate_on_start"
            )
        }
        if state.current.database != .up {
            logger.info("the database answers", metadata: ["chantier.schema_version": "\(applied.max() ?? 0)"])
        }
        state.update { $0.database = .up }
    }

    /// Applies the pending migrations, asking systemd for more start-up time while they run.
    private func migrate() async throws {
        try await withThrowingTaskGroup { group in
            group.addTask {
                while !Task.isCancelled {
                    self.notifier.notify([.extendTimeout(microseconds: 30_000_000)])
                    try await Task.sleep(for: .seconds(10))
                }
            }
            defer { group.cancelAll() }
            try await runner.migrate { event in
                switch event {
                case .waitingForLock: self.notifier.notify([.status("waiting for another daemon to finish migrating")])
                case .applying(let migration):
                    self.notifier.notify([.status("applying migration \(migration.fileName)")])
                case .applied(let migration, let duration):
                    self.logger.info(
                        "migration applied",
                        metadata: ["chantier.migration": "\(migration.fileName)", "chantier.duration": "\(duration)"]
                    )
                }
            }
        }
    }

    private func markDown(_ reason: String) {
        let wasDown: Bool = {
            if case .down(let previous) = state.current.database { return previous == reason }
            return false
        }()
        state.update { $0.database = .down(reason: reason) }
        if !wasDown { logger.warning("database unavailable", metadata: ["chantier.reason": "\(reason)"]) }
    }
}
