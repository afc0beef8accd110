import ChantierCore
import ChantierStorage
import Logging

/// Proposes next week's plan once a week, from the configured weekday and time on (Thursday
/// 18:00 by default), and tells the coordinators with a `plan-proposed` alert. A week that has
/// had a proposal (waiting, committed or discarded) is left alone: a coordinator's decision is
/// never replaced behind their back.
struct PlanProposer: Sendable {
    let database: Database
    let state: DaemonState
    let logger: Logger

    /// - Returns: whether it succeeded (nothing to do is a success).
    func run() async -> Bool {
        let configuration = state.configuration.planner
        guard let moment = configuration.proposeAt,
            let monday = PlanSchedule(moment: moment).weekDue(at: state.clock.now())
        else { return true }
        do {
            let repository = PlanRepository(database: database, timeZone: state.configuration.timeZone)
            guard try await !repository.hasProposal(week: monday) else { return true }
            let record = try await PlanMaker(database: database, state: state).propose(
                week: monday,
                budget: .seconds(configuration.proposeSeconds),
                seed: 1,
                alert: true,
                audit: AuditContext(uid: nil, name: "chantierd", role: nil, operation: "proposePlan")
            )
            logger.notice(
                "plan proposed",
                metadata: [
                    "chantier.plan.id": "\(record.id)", "chantier.plan.week": "\(monday)",
                    "chantier.plan.placements": "\(record.placements.count)",
                ]
            )
            return true
        } catch {
            logger.warning("cannot propose next week's plan", metadata: ["chantier.error": "\(error)"])
            return false
        }
    }
}
