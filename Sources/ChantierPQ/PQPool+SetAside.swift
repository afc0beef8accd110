import NIOConcurrencyHelpers

extension PQPool {
    /// Runs `body` with one connection set aside for it, on that connection's thread: the
    /// ``withConnection(_:)`` calls that `body` makes, in its task or in the child tasks it
    /// starts, use that connection, one at a time, instead of leasing one each. A request that
    /// reads, writes and then records its answer thus takes one lease and never changes thread.
    /// A call made while the connection is in use by another, or after it became unfit for
    /// reuse, leases one as usual. (A `Task {}` started in `body` must not outlive it.)
    public func withConnectionSetAside<Result>(_ body: () async throws -> Result) async throws -> Result {
        try await withConnection { connection in
            let aside = SetAsideConnection(pool: self, connection: connection)
            defer { aside.close() }
            return try await SetAsideConnection.$current.withValue(aside) { try await body() }
        }
    }

    /// The connection set aside for the current task by this pool, taken until `giveBack`.
    func takeSetAside() -> SetAsideConnection.Taken? {
        SetAsideConnection.current?.take(for: self)
    }
}

/// A connection set aside for a task and its children by ``PQPool/withConnectionSetAside(_:)``.
final class SetAsideConnection: Sendable {
    @TaskLocal static var current: SetAsideConnection?

    struct Taken {
        let connection: PQConnection
        let aside: SetAsideConnection

        func giveBack() { aside.free.withLockedValue { $0 = connection } }
    }

    private let pool: ObjectIdentifier
    /// The connection while nobody uses it; `nil` while it is taken and once the scope has ended.
    private let free: NIOLockedValueBox<PQConnection?>

    init(pool: PQPool, connection: PQConnection) {
        self.pool = ObjectIdentifier(pool)
        free = NIOLockedValueBox(connection)
    }

    fileprivate func take(for pool: PQPool) -> Taken? {
        guard ObjectIdentifier(pool) == self.pool else { return nil }
        let connection = free.withLockedValue { free -> PQConnection? in
            guard let connection = free, connection.isReusable else { return nil }
            free = nil
            return connection
        }
        return connection.map { Taken(connection: $0, aside: self) }
    }

    /// Ends the scope: the connection goes back to the pool with the lease that set it aside.
    fileprivate func close() {
        free.withLockedValue { $0 = nil }
    }
}
