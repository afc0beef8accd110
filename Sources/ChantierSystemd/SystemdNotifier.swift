internal import CSystemd
import Glibc

/// Sends notifications to systemd through `NOTIFY_SOCKET` (`sd_notify`). Without the variable
/// (not started by systemd) nothing is sent and nothing fails.
public struct SystemdNotifier: ServiceNotifier {
    public init() {}

    public func notify(_ states: [NotifyState]) {
        guard !states.isEmpty else { return }
        _ = sd_notify(0, states.map(\.assignment).joined(separator: "\n"))
    }

    /// The watchdog interval systemd expects pings within (`WATCHDOG_USEC`), or `nil` when the
    /// watchdog is off.
    public static func watchdogInterval() -> Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(microseconds))
    }

    /// `CLOCK_MONOTONIC` in microseconds, as `MONOTONIC_USEC` wants it.
    public static func monotonicMicroseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1000
    }
}
