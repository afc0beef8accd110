import ChantierCore
import ChantierStorage
import Logging

/// Schedules the follow-ups of new exits, then raises the alerts of overdue follow-ups and of
/// participants who stopped coming (the soft exit). Both are idempotent, so a second leader or a
/// second run adds nothing.
struct FollowUpScheduler: Sendable {
    let database: Database
    let state: DaemonState
    let logger: Logger

    /// - Returns: whether it succeeded.
    func run() async -> Bool {
        let schedule = state.configuration.followUps
        let repository = FollowUpRepository(database: database)
        let audit = AuditContext(uid: nil, name: "chantierd", role: nil, operation: "scheduleFollowUps")
        let today = state.clock.today()
        do {
            let scheduled = try await repository.schedule(schedule, today: today, audit: audit)
            let raised = try await repository.scan(schedule, today: today, audit: audit)
            if scheduled > 0 || raised > 0 {
                logger.notice(
                    "follow-ups scheduled",
                    metadata: ["chantier.followups.scheduled": "\(scheduled)", "chantier.alerts.raised": "\(raised)"]
                )
            }
            return true
        } catch {
            logger.warning("cannot schedule follow-ups", metadata: ["chantier.error": "\(error)"])
            return false
        }
    }
}
