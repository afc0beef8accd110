/// The bookkeeping of a bounded connection pool, free of I/O and clocks so that tests can drive it.
///
/// A *slot* is the right to hold one connection; there are at most `capacity`. A slot is in use by
/// an idle connection, a leased connection, or a connection being opened. Waiters queue in order
/// when every slot is in use and are handed connections (or a free slot to open one) as they return.
struct PQPoolState<Connection, Waiter> {
    enum LeaseAction {
        case use(Connection)
        /// A slot was reserved: open a new connection in it.
        case connect
        /// Every slot is in use: the waiter was queued.
        case wait
        case closed
    }

    enum ReturnAction {
        case keep
        case hand(Connection, to: Waiter)
        /// The returned connection was dropped and its slot handed to a waiter, which opens one.
        case connect(for: Waiter)
        case drop
    }

    let capacity: Int
    private(set) var idle: [Connection] = []
    /// Slots in use: idle, leased and connecting.
    private(set) var slotsInUse = 0
    private var waiters: [(id: UInt64, waiter: Waiter)] = []
    private(set) var isClosed = false

    init(capacity: Int) {
        precondition(capacity > 0, "a pool needs at least one connection")
        self.capacity = capacity
    }

    var waiting: Int { waiters.count }
    var leased: Int { slotsInUse - idle.count }

    mutating func lease(id: UInt64, waiter: Waiter) -> LeaseAction {
        if isClosed { return .closed }
        // Most recently used first: it is the most likely to still be alive and warm.
        if let connection = idle.popLast() { return .use(connection) }
        if slotsInUse < capacity {
            slotsInUse += 1
            return .connect
        }
        waiters.append((id, waiter))
        return .wait
    }

    /// A leased connection comes back; `reusable` is false when it broke or was left mid-transaction.
    mutating func giveBack(_ connection: Connection, reusable: Bool) -> ReturnAction {
        if reusable && !isClosed {
            if !waiters.isEmpty { return .hand(connection, to: waiters.removeFirst().waiter) }
            idle.append(connection)
            return .keep
        }
        return releaseSlot()
    }

    /// A slot's connection could not be opened or was found dead; the slot is freed or handed on.
    mutating func releaseSlot() -> ReturnAction {
        if !isClosed, !waiters.isEmpty { return .connect(for: waiters.removeFirst().waiter) }
        slotsInUse -= 1
        return .drop
    }

    /// Removes a waiter that timed out or was cancelled; `nil` if it was already served.
    mutating func removeWaiter(id: UInt64) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index).waiter
    }

    /// The waiter queued first, if any.
    var firstWaiter: Waiter? { waiters.first?.waiter }

    /// Removes the waiters that `expired` selects (those whose wait timed out), in queue order.
    mutating func removeWaiters(where expired: (Waiter) -> Bool) -> [Waiter] {
        var removed: [Waiter] = []
        waiters.removeAll { entry in
            guard expired(entry.waiter) else { return false }
            removed.append(entry.waiter)
            return true
        }
        return removed
    }

    /// Closes the pool: returns the idle connections to close and the waiters to fail.
    mutating func close() -> (idle: [Connection], waiters: [Waiter]) {
        isClosed = true
        let closing = (idle, waiters.map(\.waiter))
        slotsInUse -= idle.count
        idle = []
        waiters = []
        return closing
    }
}

extension PQPoolState: Sendable where Connection: Sendable, Waiter: Sendable {}
