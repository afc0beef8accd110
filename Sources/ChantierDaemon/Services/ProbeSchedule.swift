/// When the database monitor probes next: regularly while the database answers, and after a
/// failure quickly at first, then less often, never more than ``maximumDelay`` apart, so that the
/// daemon notices a returning database within seconds without hammering a missing one.
struct ProbeSchedule: Sendable, Equatable {
    var healthyInterval: Duration = .seconds(2)
    var firstRetry: Duration = .milliseconds(250)
    var maximumDelay: Duration = .seconds(2)

    /// The wait before the next probe, after `failures` failed probes in a row (0 when healthy).
    func delay(afterFailures failures: Int) -> Duration {
        guard failures > 0 else { return healthyInterval }
        var delay = firstRetry
        for _ in 1..<min(failures, 16) where delay < maximumDelay { delay *= 2 }
        return min(delay, maximumDelay)
    }
}
