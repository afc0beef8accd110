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

    /// Throws the API's 503 when the database is known to be down, so callers fail fast.
    func requireDatabase() throws {
        if case .up = current.database { return }
        throw APIError.databaseUnavailable()
    }
}
