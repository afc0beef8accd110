/// What the daemon tells its service manager: readiness, status text, watchdog pings, reloads,
/// shutdown. Production sends it to systemd; tests record it.
public protocol ServiceNotifier: Sendable {
    func notify(_ states: [NotifyState])
}

/// One `sd_notify` assignment.
public enum NotifyState: Sendable, Hashable {
    case ready
    case reloading
    case stopping
    case watchdog
    /// A one-line status shown by `systemctl status`.
    case status(String)
    /// More time for start-up or shutdown (a long migration).
    case extendTimeout(microseconds: UInt64)
    /// The monotonic clock, required with `RELOADING=1`.
    case monotonicMicroseconds(UInt64)

    /// The assignment as sd_notify reads it, such as `STATUS=waiting for the database`.
    public var assignment: String {
        switch self {
        case .ready: "READY=1"
        case .reloading: "RELOADING=1"
        case .stopping: "STOPPING=1"
        case .watchdog: "WATCHDOG=1"
        case .status(let text): "STATUS=" + String(text.map { $0.isNewline ? " " : $0 })
        case .extendTimeout(let microseconds): "EXTEND_TIMEOUT_USEC=\(microseconds)"
        case .monotonicMicroseconds(let microseconds): "MONOTONIC_USEC=\(microseconds)"
        }
    }
}
