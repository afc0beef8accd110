import ChantierCore
import ChantierStorage
import Logging
import ServiceLifecycle

/// Makes the shifts of the open work orders for the days that come into the horizon, on the
/// leading daemon only, as soon as it leads and then at the configured interval. Making a shift
/// twice is impossible (the database keeps one per order and day), so a change of leader or a
/// coordinator asking at the same moment is harmless.
final class ShiftMaterializerService: Service {
    private let database: Database
    private let state: DaemonState
    private let logger: Logger
    private let tick: Duration

    init(database: Database, state: DaemonState, logger: Logger, tick: Duration = .seconds(5)) {
        self.database = database
        self.state = state
        self.logger = logger
        self.tick = tick
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                var lastRun: ContinuousClock.Instant?
                while !Task.isCancelled {
                    let snapshot = self.state.current
                    let interval = snapshot.configuration.shifts.materializeInterval
                    if snapshot.isLeader, snapshot.database == .up,
                        lastRun.map({ ContinuousClock.now - $0 >= interval }) ?? true
                    {
                        if await self.materialize() { lastRun = .now }
                    }
                    try await Task.sleep(for: self.tick)
                }
            }
        } catch is CancellationError {
            // Shutting down.
        }
    }

    /// - Returns: whether it succeeded.
    private func materialize() async -> Bool {
        let configuration = state.configuration
        let days = state.clock.horizon(days: configuration.shifts.horizonDays)
        do {
            let created = try await ShiftRepository(database: database, timeZone: configuration.timeZone).materialize(
                days: days,
                audit: AuditContext(uid: nil, name: "chantierd", role: nil, operation: "materializeShifts")
            )
            logger.info(
                "shifts made from the open orders",
                metadata: [
                    "chantier.shifts.created": "\(created)", "chantier.shifts.first": "\(days.first)",
                    "chantier.shifts.last": "\(days.last)",
                ]
            )
            return true
        } catch {
            logger.warning("cannot make the shifts of the open orders", metadata: ["chantier.error": "\(error)"])
            return false
        }
    }
}
