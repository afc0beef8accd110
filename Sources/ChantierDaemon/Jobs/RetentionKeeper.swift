import ChantierCore
import ChantierStorage
import Logging

/// Anonymises the participants past their retention period, one transaction each, and forgets
/// old copies of idempotent requests. Idempotent: a second run or a second leader finds nothing.
struct RetentionKeeper: Sendable {
    let database: Database
    let state: DaemonState
    let logger: Logger

    /// - Returns: whether it succeeded.
    func run() async -> Bool {
        let policy = state.configuration.retention
        let repository = PersonalDataRepository(database: database)
        let audit = AuditContext(uid: nil, name: "chantierd", role: nil, operation: "anonymiseParticipant")
        do {
            let due = try await repository.due(policy, today: state.clock.today())
            for id in due { try await repository.anonymise(participant: id, audit: audit) }
            let forgotten = try await repository.forgetRequestCopies(
                policy,
                audit: AuditContext(uid: nil, name: "chantierd", role: nil, operation: "forgetRequestCopies")
            )
            if !due.isEmpty || forgotten > 0 {
                logger.notice(
                    "retention applied",
                    metadata: [
                        "chantier.participants.anonymised": "\(due.count)",
                        "chantier.request_copies.forgotten": "\(forgotten)",
                    ]
                )
            }
            return true
        } catch {
            logger.warning("cannot apply the retention period", metadata: ["chantier.error": "\(error)"])
            return false
        }
    }
}
