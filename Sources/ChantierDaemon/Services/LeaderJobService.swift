import ServiceLifecycle

/// Runs a job on the leading daemon only: as soon as it leads with the database up, then at the
/// interval the configuration gives (read at each tick, so a reload changes it). A job that fails
/// is tried again at the next tick. The jobs are idempotent, so a change of leader is harmless.
final class LeaderJobService: Service {
    private let state: DaemonState
    private let tick: Duration
    private let interval: @Sendable (DaemonConfiguration) -> Duration
    private let job: @Sendable () async -> Bool

    /// - Parameter job: does the work once; returns whether it succeeded.
    init(
        state: DaemonState,
        tick: Duration = .seconds(5),
        interval: @escaping @Sendable (DaemonConfiguration) -> Duration,
        job: @escaping @Sendable () async -> Bool
    ) {
        self.state = state
        self.tick = tick
        self.interval = interval
        self.job = job
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                var lastRun: ContinuousClock.Instant?
                while !Task.isCancelled {
                    let snapshot = self.state.current
                    let interval = self.interval(snapshot.configuration)
                    if snapshot.isLeader, snapshot.database == .up,
                        lastRun.map({ ContinuousClock.now - $0 >= interval }) ?? true
                    {
                        if await self.job() { lastRun = .now }
                    }
                    try await Task.sleep(for: self.tick)
                }
            }
        } catch is CancellationError {
            // Shutting down.
        }
    }
}
