import ChantierPQ
import Logging
import ServiceLifecycle

/// Elects one daemon per database to run the background jobs: the one holding a PostgreSQL
/// advisory lock on its own connection. A daemon that loses its connection loses the lead, and
/// another takes it.
final class LeaderService: Service {
    /// The advisory lock of the leader: "chleader" in ASCII.
    static let lockKey: Int64 = 0x6368_6C65_6164_6572

    private let pool: PQPool
    private let state: DaemonState
    private let logger: Logger
    private let interval: Duration

    init(connection: PQConnectionConfiguration, state: DaemonState, logger: Logger, interval: Duration = .seconds(5)) {
        pool = PQPool(
            configuration: .init(connection: connection, maxConnections: 1, acquireTimeout: .seconds(5)),
            logger: logger
        )
        self.state = state
        self.logger = logger
        self.interval = interval
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    do {
                        try await self.lead()
                    } catch is CancellationError {
                        break
                    } catch {
                        self.setLeader(false)
                    }
                    try await Task.sleep(for: self.interval)
                }
            }
        } catch is CancellationError {
            // Shutting down.
        }
        setLeader(false)
        // Closing the connection releases the lock for another daemon.
        await pool.close()
    }

    /// Takes the lock if it is free, then holds it for as long as the connection lives.
    private func lead() async throws {
        try await pool.withConnection { connection in
            guard try await connection.query("SELECT pg_try_advisory_lock(\(Self.lockKey))").value(Bool.self) else {
                self.setLeader(false)
                return
            }
            self.setLeader(true)
            while !Task.isCancelled {
                try await Task.sleep(for: self.interval)
                try await connection.query("SELECT 1")
            }
        }
    }

    private func setLeader(_ leader: Bool) {
        guard state.current.isLeader != leader else { return }
        state.update { $0.isLeader = leader }
        logger.info(
            leader ? "this daemon now runs the background jobs" : "this daemon no longer runs the background jobs"
        )
    }
}
