import ChantierCore
import ChantierStorage
import Foundation
import Logging
import Metrics

/// Raises the alerts that time brings: weeks not submitted or not approved by their deadlines,
/// assignments without hours after their shift, consents and certifications about to expire.
/// Each alert is raised once (its key is unique), so scanning again is harmless. Then it records
/// the open alerts by kind in the `chantier_alerts_open` gauge.
struct AlertScanner: Sendable {
    let database: Database
    let state: DaemonState
    let logger: Logger

    /// - Returns: whether it succeeded.
    func run() async -> Bool {
        let configuration = state.configuration
        let repository = AlertRepository(database: database, timeZone: configuration.timeZone)
        let scan = AlertScan(
            deadlines: configuration.hours.deadlines,
            hoursGraceMinutes: configuration.hours.missingHoursGraceMinutes,
            expiryWarningDays: configuration.alerts.expiryWarningDays
        )
        do {
            let raised = try await repository.scan(
                scan,
                at: state.clock.now(),
                audit: AuditContext(uid: nil, name: "chantierd", role: nil, operation: "scanAlerts")
            )
            if raised > 0 { logger.notice("alerts raised", metadata: ["chantier.alerts.raised": "\(raised)"]) }
            let open = try await repository.openCounts()
            for kind in AlertDraft.Kind.allCases {
                Gauge(label: "chantier_alerts_open", dimensions: [("kind", kind.rawValue)]).record(open[kind] ?? 0)
            }
            return true
        } catch {
            logger.warning("cannot scan for alerts", metadata: ["chantier.error": "\(error)"])
            return false
        }
    }
}
