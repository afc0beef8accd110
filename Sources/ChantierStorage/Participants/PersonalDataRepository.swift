public import ChantierCore
import ChantierPQ

/// Participants' personal data: its export on request, the anonymisation of participants past
/// their retention period (`chantier_anonymise_participant` in `Migrations/0013_retention.sql`
/// says what is cleared and what stays for the statistics), and forgetting old copies of
/// idempotent requests.
public struct PersonalDataRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Every row stored about participant `id`, as a JSON document (see `chantier_personal_data`);
    /// the export is itself written to the audit log.
    public func export(participant id: Int, audit: AuditContext) async throws -> String {
        let document = try await database.read { connection in
            try await connection.query("SELECT chantier_personal_data(\(id))::text").value(String?.self)
        }
        guard let document else {
            throw StorageError(
                code: .notFound,
                message: "there is no participant \(id); chantierctl participant list shows them"
            )
        }
        try await AuditEvent.record(
            AuditEvent(operation: audit.operation, table: "participants", details: ["participant": "\(id)"]),
            audit: audit,
            in: database
        )
        return document
    }

    /// The participants due for anonymisation on `today`: archived, not anonymised, no stay open,
    /// and their last exit (their archiving, when they never joined a program) on or before the
    /// policy's latest due exit.
    public func due(_ policy: RetentionPolicy, today: LocalDate) async throws -> [Int] {
        guard let latest = policy.latestDueExit(today: today) else { return [] }
        return try await database.read { connection in
            try await connection.query(
                """
                SELECT participant.id FROM participants participant
                LEFT JOIN LATERAL (
                    SELECT bool_or(enrollment.exit_on IS NULL) AS open, max(enrollment.exit_on) AS last_exit
                    FROM enrollments enrollment WHERE enrollment.participant_id = participant.id
                ) stays ON true
                WHERE participant.archived_at IS NOT NULL AND participant.anonymised_at IS NULL
                  AND NOT coalesce(stays.open, false)
                  AND coalesce(stays.last_exit, participant.archived_at::date) <= \(latest)
                ORDER BY participant.id
                """
            ).map { try $0.decode(Int.self, column: 0) }
        }
    }

    /// Anonymises participant `id` in one transaction, with an audit event that says so.
    ///
    /// - Returns: how many audit-log rows had personal data cleared.
    @discardableResult
    public func anonymise(participant id: Int, audit: AuditContext) async throws -> Int {
        try await database.write(audit) { connection in
            let cleared = try await connection.query("SELECT chantier_anonymise_participant(\(id))").value(Int.self)
            try await AuditEvent.record(
                AuditEvent(
                    operation: audit.operation,
                    table: "participants",
                    details: ["participant": "\(id)", "auditRowsCleared": "\(cleared)"]
                ),
                audit: audit,
                on: connection
            )
            return cleared
        }
    }

    /// Forgets the request bodies and answers of idempotent requests older than the policy keeps.
    ///
    /// - Returns: how many were forgotten.
    @discardableResult
    public func forgetRequestCopies(_ policy: RetentionPolicy, audit: AuditContext) async throws -> Int {
        try await database.write(audit) { connection in
            try await connection.query(
                """
                DELETE FROM idempotency_keys
                WHERE created_at < now() - make_interval(days => \(policy.requestCopyDays)::integer)
                """
            ).affectedRows
        }
    }
}
