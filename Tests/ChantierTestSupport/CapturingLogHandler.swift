public import Logging
import Synchronization

/// A log handler that keeps what it receives, for tests that check what is logged.
public struct CapturingLogHandler: LogHandler {
    public struct Entry: Sendable {
        public var level: Logger.Level
        public var message: String
        public var metadata: Logger.Metadata
    }

    /// The entries logged through every copy of this handler.
    public final class Storage: Sendable {
        private let entries = Mutex<[Entry]>([])

        public init() {}

        public var all: [Entry] { entries.withLock { $0 } }

        func append(_ entry: Entry) {
            entries.withLock { $0.append(entry) }
        }
    }

    public let storage: Storage
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public init(storage: Storage) {
        self.storage = storage
    }

    /// A logger that records everything into `storage`.
    public static func logger(_ storage: Storage) -> Logger {
        Logger(label: "chantier.test.capture") { _ in CapturingLogHandler(storage: storage) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        storage.append(
            Entry(
                level: event.level,
                message: "\(event.message)",
                metadata: metadata.merging(event.metadata ?? [:]) { $1 }
            )
        )
    }
}
