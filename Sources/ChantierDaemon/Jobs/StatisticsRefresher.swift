import ChantierStorage
import Logging

/// Keeps the hours by month up to date with the ledger, so that a statistic seldom waits for it
/// (after a calendar change every month is computed again, which takes seconds at scale).
struct StatisticsRefresher: Sendable {
    let database: Database
    let logger: Logger

    /// - Returns: whether it succeeded.
    func run() async -> Bool {
        do {
            let months = try await StatisticsRepository(database: database).refreshHours()
            if months > 0 {
                logger.debug("hours by month refreshed", metadata: ["chantier.statistics.site_months": "\(months)"])
            }
            return true
        } catch {
            logger.warning("cannot refresh the hours by month", metadata: ["chantier.error": "\(error)"])
            return false
        }
    }
}
