public import Logging
import NIOConcurrencyHelpers
import Synchronization

/// A bounded pool of connections, each with its own thread for libpq's blocking calls (a
/// ``PQThread``), so that a blocked call never waits for a thread nor holds a cooperative one.
///
/// Idle connections are checked before reuse (a server restart is noticed and the connection
/// replaced), callers wait up to ``Configuration/acquireTimeout`` when every connection is busy,
/// and a connection that broke, was cancelled or was left inside a transaction is never reused.
public final class PQPool: Sendable {
    public struct Configuration: Sendable {
        public var connection: PQConnectionConfiguration
        /// The most connections open at once (each has its own thread).
        public var maxConnections: Int
        /// How long a caller waits for a free connection before ``PQError/Code/poolTimeout``.
        public var acquireTimeout: Duration
        /// An idle connection unused for longer than this is pinged before it is handed out.
        public var pingAfterIdle: Duration

        public init(
            connection: PQConnectionConfiguration = PQConnectionConfiguration(),
            maxConnections: Int = 10,
            acquireTimeout: Duration = .seconds(10),
            pingAfterIdle: Duration = .seconds(30)
        ) {
            self.connection = connection
            self.maxConnections = maxConnections
            self.acquireTimeout = acquireTimeout
            self.pingAfterIdle = pingAfterIdle
        }
    }

    /// What a waiting caller is given: a connection, or a slot in which to open one.
    private enum Grant: Sendable {
        case connection(PQConnection)
        case connect
    }

    private struct Waiter: Sendable {
        var continuation: CheckedContinuation<Grant, any Error>
        /// When the caller gives up (``Configuration/acquireTimeout`` after it started waiting).
        var deadline: ContinuousClock.Instant
    }

    public let configuration: Configuration
    let logger: Logger
    private struct Guarded: Sendable {
        var pool: PQPoolState<PQConnection, Waiter>
        /// Callers of ``close()`` waiting for the last leased connection to come back.
        var closers: [CheckedContinuation<Void, Never>] = []
        /// Whether a task is timing out the waiters (``sweepExpiredWaiters()``).
        var sweeping = false
    }

    private let guarded: NIOLockedValueBox<Guarded>
    private let nextWaiterID = Atomic<UInt64>(0)

    public init(configuration: Configuration, logger: Logger) {
        precondition(configuration.maxConnections > 0, "maxConnections must be at least 1")
        self.configuration = configuration
        self.logger = logger
        guarded = NIOLockedValueBox(Guarded(pool: PQPoolState(capacity: configuration.maxConnections)))
    }

    /// Open connections, idle ones, and callers waiting for one.
    public var usage: (open: Int, idle: Int, waiting: Int) {
        guarded.withLockedValue { ($0.pool.slotsInUse, $0.pool.idle.count, $0.pool.waiting) }
    }

    // MARK: - Using connections

    /// Leases a connection for the duration of `body`, which runs on the connection's thread: its
    /// statements are then direct calls, with no switch of thread before and after each one.
    /// Inside ``withConnectionSetAside(_:)``, the connection set aside is used when it is free.
    public func withConnection<Result>(_ body: (PQConnection) async throws -> Result) async throws -> Result {
        if let taken = takeSetAside() {
            defer { taken.giveBack() }
            return try await withTaskExecutorPreference(taken.connection.executor) { try await body(taken.connection) }
        }
        let connection = try await lease()
        let result: Result
        do {
            result = try await withTaskExecutorPreference(connection.executor) { try await body(connection) }
        } catch {
            giveBack(connection)
            throw error
        }
        giveBack(connection)
        return result
    }

    /// Runs one statement on any free connection.
    @discardableResult
    public func query(_ query: PQQuery) async throws -> PQResult {
        try await withConnection { try await $0.query(query) }
    }

    /// Runs `body` in a transaction on one connection, retrying it on serialization failures and
    /// deadlocks; see ``PQConnection/withTransaction(isolation:readOnly:prologue:maxAttempts:_:)``.
    public func withTransaction<Result>(
        isolation: PQIsolation = .readCommitted,
        readOnly: Bool = false,
        prologue: [PQQuery] = [],
        maxAttempts: Int = 5,
        _ body: (PQConnection) async throws -> Result
    ) async throws -> Result {
        try await withConnection { connection in
            try await connection.withTransaction(
                isolation: isolation,
                readOnly: readOnly,
                prologue: prologue,
                maxAttempts: maxAttempts,
                body
            )
        }
    }

    // MARK: - Leasing

    private func lease() async throws -> PQConnection {
        var grant = try await waitForGrant()
        while true {
            switch grant {
            case .connection(let connection):
                if await connection.isHealthy(pingAfter: configuration.pingAfterIdle) { return connection }
                logger.debug(
                    "replacing a dead idle connection",
                    metadata: ["pq.backend_pid": "\(connection.backendPID)"]
                )
                grant = .connect
            case .connect:
                do {
                    return try await PQConnection.connect(configuration.connection, logger: logger)
                } catch {
                    handOnFreedSlot()
                    throw error
                }
            }
        }
    }

    private func waitForGrant() async throws -> Grant {
        let id = nextWaiterID.add(1, ordering: .relaxed).newValue
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Grant, any Error>) in
                let waiter = Waiter(continuation: continuation, deadline: .now + configuration.acquireTimeout)
                let (action, startSweeping) = guarded.withLockedValue { guarded in
                    let action = guarded.pool.lease(id: id, waiter: waiter)
                    guard case .wait = action, !guarded.sweeping else { return (action, false) }
                    guarded.sweeping = true
                    return (action, true)
                }
                switch action {
                case .use(let connection):
                    continuation.resume(returning: .connection(connection))
                case .connect:
                    continuation.resume(returning: .connect)
                case .closed:
                    continuation.resume(throwing: PQError(code: .poolClosed, message: "the connection pool is closed"))
                case .wait:
                    if startSweeping { Task { [weak self] in await self?.sweepExpiredWaiters() } }
                }
            }
        } onCancel: {
            fail(waiter: id, with: PQError(code: .cancelled, message: "cancelled while waiting for a connection"))
        }
    }

    /// Fails the waiters whose deadline has passed, sleeping until the next one's, and ends when
    /// none is left. One such task runs while callers wait: a timer for each waiter would cost
    /// every request that waits a task and a timer armed and cancelled (most are served in time).
    private func sweepExpiredWaiters() async {
        while true {
            // Waiters queue in arrival order and share one timeout: the first has the earliest deadline.
            let next = guarded.withLockedValue { guarded -> ContinuousClock.Instant? in
                if let deadline = guarded.pool.firstWaiter?.deadline { return deadline }
                guarded.sweeping = false
                return nil
            }
            guard let next else { return }
            try? await Task.sleep(until: next, clock: .continuous)
            let now = ContinuousClock.now
            let (expired, open, waiting) = guarded.withLockedValue { guarded in
                (guarded.pool.removeWaiters { $0.deadline <= now }, guarded.pool.slotsInUse, guarded.pool.waiting)
            }
            let timeout = configuration.acquireTimeout
            for waiter in expired {
                waiter.continuation.resume(
                    throwing: PQError(
                        code: .poolTimeout,
                        message:
                            "no database connection became free within \(timeout) (\(open) in use, \(waiting) waiting)"
                    )
                )
            }
        }
    }

    private func fail(waiter id: UInt64, with error: PQError) {
        guard let waiter = guarded.withLockedValue({ $0.pool.removeWaiter(id: id) }) else { return }
        waiter.continuation.resume(throwing: error)
    }

    private func giveBack(_ connection: PQConnection) {
        let reusable = connection.isReusable
        perform(guarded.withLockedValue { $0.pool.giveBack(connection, reusable: reusable) })
    }

    private func handOnFreedSlot() {
        perform(guarded.withLockedValue { $0.pool.releaseSlot() })
    }

    private func perform(_ action: PQPoolState<PQConnection, Waiter>.ReturnAction) {
        switch action {
        case .keep:
            break
        case .hand(let connection, let waiter):
            waiter.continuation.resume(returning: .connection(connection))
        case .connect(let waiter):
            waiter.continuation.resume(returning: .connect)
        case .drop:
            let closers = guarded.withLockedValue { guarded in
                guard guarded.pool.isClosed, guarded.pool.slotsInUse == 0 else {
                    return [CheckedContinuation<Void, Never>]()
                }
                defer { guarded.closers = [] }
                return guarded.closers
            }
            for closer in closers { closer.resume() }
        }
    }

    // MARK: - Closing

    /// Closes idle connections (and their threads), fails waiting callers and waits for leased
    /// connections to come back. Later calls fail with ``PQError/Code/poolClosed``.
    public func close() async {
        // Dropping the idle connections closes them.
        let waiters = guarded.withLockedValue { $0.pool.close().waiters }
        for waiter in waiters {
            waiter.continuation.resume(throwing: PQError(code: .poolClosed, message: "the connection pool is closed"))
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let drained = guarded.withLockedValue { guarded in
                if guarded.pool.slotsInUse == 0 { return true }
                guarded.closers.append(continuation)
                return false
            }
            if drained { continuation.resume() }
        }
    }
}
