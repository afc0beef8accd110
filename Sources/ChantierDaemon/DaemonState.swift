import ChantierCore
import Foundation
import NIOConcurrencyHelpers

/// What the daemon's parts know about each other at run time: the database's state, the schema,
/// leadership, and the configuration in force (which a reload replaces).
final class DaemonState: Sendable {
    enum DatabaseState: Sendable, Equatable {
        case starting
        case up
        case down(reason: String)
    }

    struct Snapshot: Sendable {
        var database: DatabaseState = .starting
        var schemaVersion: Int?
        var pendingMigrations: Int?
        var isLeader = false
        var configuration: DaemonConfiguration
        /// When the database monitor last finished a probe (successful or not).
        var lastProbe: ContinuousClock.Instant?
    }

    let startedAt = Date()
    let version: String
    private let snapshot: NIOLockedValueBox<Snapshot>
    /// The week being planned, if a plan is being made: one at a time.
    let planning = NIOLockedValueBox<LocalDate?>(nil)

    init(configuration: DaemonConfiguration, version: String) {
        snapshot = NIOLockedValueBox(Snapshot(configuration: configuration))
        self.version = version
    }

    var current: Snapshot { snapshot.withLockedValue { $0 } }
    var configuration: DaemonConfiguration { snapshot.withLockedValue { $0.configuration } }

    func update(_ change: (inout Snapshot) -> Void) {
        snapshot.withLockedValue { change(&$0) }
    }

    /// How long a request that arrives while the daemon is starting waits for the database's first
    /// answer before it is told 503: a restart (socket activation keeps the socket, so clients
    /// reach the new daemon at once) should be invisible to clients.
    static let startupHold: Duration = .seconds(3)

    /// Throws the API's 503 when the database is down, so callers fail fast; while the daemon is
    /// starting, first waits up to ``startupHold`` for the database's first answer.
    func requireDatabase() async throws {
        let deadline = ContinuousClock.now + Self.startupHold
        while current.database == .starting, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        if case .up = current.database { return }
        throw APIError.databaseUnavailable()
    }
}
