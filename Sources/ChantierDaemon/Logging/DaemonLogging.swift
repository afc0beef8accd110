import ChantierSystemd
import Foundation
public import Logging
import NIOConcurrencyHelpers

/// The daemon's log output. `main` bootstraps swift-log with ``makeHandler(label:)`` once; the
/// configuration then sets the level and the format, and a reload can change the level.
public enum DaemonLogging {
    private struct Settings {
        var level: Logger.Level = .info
        var useJournal: Bool
    }

    private static let settings = NIOLockedValueBox(
        Settings(useJournal: JournalLogHandler.standardErrorIsJournal(environment: ProcessInfo.processInfo.environment))
    )

    /// The handler for `LoggingSystem.bootstrap`.
    public static func makeHandler(label: String) -> any LogHandler {
        DaemonLogHandler(label: label)
    }

    static var level: Logger.Level { settings.withLockedValue { $0.level } }
    static var usesJournal: Bool { settings.withLockedValue { $0.useJournal } }

    /// Applies the configured level and format (`auto` picks the journal when standard error is it).
    static func configure(_ log: DaemonConfiguration.Log, environment: [String: String]) {
        settings.withLockedValue {
            $0.level = log.level
            switch log.format {
            case .auto: $0.useJournal = JournalLogHandler.standardErrorIsJournal(environment: environment)
            case .journal: $0.useJournal = true
            case .logfmt: $0.useJournal = false
            }
        }
    }

    static func setLevel(_ level: Logger.Level) {
        settings.withLockedValue { $0.level = level }
    }
}

/// Sends each message to the journal or to standard error as `logfmt`, as configured at the time.
struct DaemonLogHandler: LogHandler {
    let label: String
    var metadata: Logger.Metadata = [:]

    var logLevel: Logger.Level {
        get { DaemonLogging.level }
        // The level is the daemon's, set by its configuration.
        set {}
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        if DaemonLogging.usesJournal {
            var journal = JournalLogHandler(label: label, identifier: "chantierd") { DaemonLogging.level }
            journal.metadata = metadata
            journal.log(event: event)
        } else {
            var line = LogfmtLine()
            line.append("ts", Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            line.append("level", event.level.rawValue)
            line.append("logger", label)
            line.append("msg", "\(event.message)")
            for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }).sorted(by: {
                $0.key < $1.key
            }) {
                line.append(key, "\(value)")
            }
            FileHandle.standardError.write(Data((line.text + "\n").utf8))
        }
    }
}
