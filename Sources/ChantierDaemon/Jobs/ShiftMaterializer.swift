import ChantierCore
import ChantierStorage
import Logging

/// Makes the shifts of the open work orders for the days that come into the horizon. Making a
/// shift twice is impossible (the database keeps one per order and day), so a change of leader or
/// a coordinator asking at the same moment is harmless.
struct ShiftMaterializer: Sendable {
    let database: Database
    let state: DaemonState
    let logger: Logger

    /// - Returns: whether it succeeded.
    func run() async -> Bool {
        let configuration = state.configuration
        let days = state.clock.horizon(days: configuration.shifts.horizonDays)
        do {
            let created = try await ShiftRepository(database: database, timeZone: configuration.timeZone).materialize(
                days: days,
                audit: AuditContext(uid: nil, name: "chantierd", role: nil, operation: "materializeShifts")
            )
            logger.info(
                "shifts made from the open orders",
                metadata: [
                    "chantier.shifts.created": "\(created)", "chantier.shifts.first": "\(days.first)",
                    "chantier.shifts.last": "\(days.last)",
                ]
            )
            return true
        } catch {
            logger.warning("cannot make the shifts of the open orders", metadata: ["chantier.error": "\(error)"])
            return false
        }
    }
}
