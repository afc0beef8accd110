public import ChantierCore
import ChantierPQ

/// Alerts in `alerts`: raised once each (by their key), listed for the roles they target,
/// acknowledged by someone with that role.
public struct AlertRepository: Sendable {
    let database: Database
    let timeZone: String

    public init(database: Database, timeZone: String) {
        self.database = database
        self.timeZone = timeZone
    }

    /// Raises the alerts not raised before, within the caller's transaction.
    ///
    /// - Returns: how many were new.
    @discardableResult
    static func raise(_ alerts: [AlertDraft], on connection: PQConnection) async throws -> Int {
        var raised = 0
        for alert in alerts {
            raised += try await connection.query(
                """
                INSERT INTO alerts (kind, dedup_key, target_role, severity, message, participant_id, details)
                VALUES (\(alert.kind.rawValue), \(alert.key), \(alert.targetRole.rawValue), \(alert.severity.rawValue),
                        \(alert.message), \(alert.participantID), \(try PQJSON(encoding: alert.details)))
                ON CONFLICT (dedup_key) DO NOTHING
                """
            ).affectedRows
        }
        return raised
    }

    /// The alerts for `roles` (every alert for an admin), open ones unless `includeAcknowledged`.
    public func list(roles: Set<Role>, includeAcknowledged: Bool, kind: AlertDraft.Kind?) async throws -> [Alert] {
        let targets = roles.contains(.admin) ? Role.allCases.map(\.rawValue) : roles.map(\.rawValue)
        return try await database.read { connection in
            try await connection.query(
                """
                SELECT \(columns) FROM alerts
                WHERE \(PQQuery.allOf([
                    "target_role = ANY(\(targets))",
                    includeAcknowledged ? nil : "acknowledged_at IS NULL",
                    kind.map { "kind = \($0.rawValue)" },
                ]))
                ORDER BY raised_at DESC, id DESC
                LIMIT 1000
                """
            ).map(Self.alert)
        }
    }

    /// Acknowledges an alert in the name of `user`, who must have the role it targets.
    public func acknowledge(
        id: Int,
        roles: Set<Role>,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    )
        async throws -> Alert
    {
        try await database.write(audit, idempotency: idempotency) { connection in
            guard
                let row = try await connection.query(
                    "SELECT target_role, acknowledged_at IS NOT NULL FROM alerts WHERE id = \(id) FOR UPDATE"
                )
                .firstRow
            else {
                throw StorageError(
                    code: .notFound,
                    message: "there is no alert \(id); chantierctl alert list shows them"
                )
            }
            let (target, acknowledged) = try row.decode(String.self, Bool.self)
            guard roles.contains(.admin) || roles.contains(where: { $0.rawValue == target }) else {
                throw StorageError(code: .forbidden, message: "alert \(id) is for the \(target) role")
            }
            if !acknowledged {
                try await connection.query(
                    "UPDATE alerts SET acknowledged_at = now(), acknowledged_by = \(audit.name) WHERE id = \(id)"
                )
            }
            return try Self.alert(
                try await connection.query(
                    """
                    SELECT \(columns) FROM alerts WHERE id = \(id)
                    """
                )[0]
            )
        }
    }

    /// The open alerts by kind, for the metrics.
    public func openCounts() async throws -> [AlertDraft.Kind: Int] {
        try await database.read { connection in
            var counts: [AlertDraft.Kind: Int] = [:]
            for row in try await connection.query(
                "SELECT kind, count(*) FROM alerts WHERE acknowledged_at IS NULL GROUP BY kind"
            ) {
                let (kind, count) = try row.decode(String.self, Int.self)
                if let kind = AlertDraft.Kind(rawValue: kind) { counts[kind] = count }
            }
            return counts
        }
    }

    /// Raises the alerts `scan` finds due at `now` (local time): weeks not submitted or not
    /// approved in time, assignments without hours, papers expiring.
    ///
    /// - Returns: how many alerts were new.
    @discardableResult
    public func scan(_ scan: AlertScan, at now: LocalDateTime, audit: AuditContext) async throws -> Int {
        try await database.write(audit) { connection in
            let since = now.date.adding(days: -56)
            let instant: PQQuery = "((\(now.description)::timestamp) AT TIME ZONE \(timeZone))"
            let weeks = try await connection.query(
                """
                WITH worked AS (
                    SELECT shift.site_id, date_trunc('week', shift.local_date)::date AS week_start
                    FROM shifts shift JOIN assignments assignment ON assignment.shift_id = shift.id
                    WHERE assignment.status IN ('assigned', 'confirmed', 'completed') AND shift.local_date >= \(since)
                      AND lower(shift.during) < \(instant)
                    UNION
                    SELECT site_id, date_trunc('week', work_date)::date FROM current_time_entries WHERE work_date >= \(since)
                )
                SELECT DISTINCT site.code, worked.week_start, coalesce(closure.status, 'open')
                FROM worked JOIN sites site ON site.id = worked.site_id
                LEFT JOIN week_closures closure ON closure.site_id = worked.site_id AND closure.week_start = worked.week_start
                """
            ).map(SiteWeek.init(row:))
            let unlogged = try await connection.query(
                """
                SELECT assignment.id, shift.id, participant.id, participant.given_name || ' ' || participant.family_name,
                       site.code, to_char(upper(shift.during) AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI')
                FROM assignments assignment
                JOIN shifts shift ON shift.id = assignment.shift_id
                JOIN sites site ON site.id = shift.site_id
                JOIN participants participant ON participant.id = assignment.participant_id
                WHERE assignment.status IN ('assigned', 'confirmed') AND shift.status = 'open'
                  AND shift.local_date >= \(since) AND upper(shift.during) < \(instant)
                  AND NOT EXISTS (SELECT 1 FROM current_time_entries entry WHERE entry.assignment_id = assignment.id)
                """
            ).map { row in
                let (assignment, shift, participant, name, site, end) = try row.decode(
                    Int.self,
                    Int.self,
                    Int.self,
                    String.self,
                    String.self,
                    LocalDateTime.self
                )
                return AlertScan.UnloggedAssignment(
                    assignmentID: assignment,
                    shiftID: shift,
                    participantID: participant,
                    participantName: name,
                    siteCode: site,
                    end: end
                )
            }
            let until = now.date.adding(days: scan.expiryWarningDays)
            var expiries = try await connection.query(
                """
                SELECT consent.id, consent.kind, consent.expires_on, participant.id,
                       participant.given_name || ' ' || participant.family_name
                FROM consents consent JOIN participants participant ON participant.id = consent.participant_id
                WHERE participant.archived_at IS NULL AND consent.revoked_on IS NULL
                  AND consent.expires_on BETWEEN \(now.date) AND \(until)
                """
            ).map { row in
                let (id, kind, expires, participant, name) = try row.decode(
                    Int.self,
                    String.self,
                    LocalDate.self,
                    Int.self,
                    String.self
                )
                return AlertScan.Expiry(
                    participantID: participant,
                    participantName: name,
                    paper: .consent(id: id, kind: Consent.Kind(rawValue: kind) ?? .programConsent),
                    expires: expires
                )
            }
            expiries += try await connection.query(
                """
                SELECT skill.skill, skill.certified_until, participant.id,
                       participant.given_name || ' ' || participant.family_name
                FROM participant_skills skill JOIN participants participant ON participant.id = skill.participant_id
                WHERE participant.archived_at IS NULL AND skill.certified_until BETWEEN \(now.date) AND \(until)
                """
            ).map { row in
                let (skill, expires, participant, name) = try row.decode(
                    String.self,
                    LocalDate.self,
                    Int.self,
                    String.self
                )
                return AlertScan.Expiry(
                    participantID: participant,
                    participantName: name,
                    paper: .certification(skill: skill),
                    expires: expires
                )
            }
            return try await Self.raise(
                scan.alerts(at: now, weeks: weeks, unlogged: unlogged, expiries: expiries),
                on: connection
            )
        }
    }

    /// The columns ``alert(_:)`` reads, with times in the organisation's time zone.
    private var columns: PQQuery {
        """
        id, kind, dedup_key, target_role, severity, message, participant_id, details,
        to_char(raised_at AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'),
        to_char(acknowledged_at AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'), acknowledged_by
        """
    }

    private static func alert(_ row: PQRow) throws -> Alert {
        let (id, kind, key, target, severity, message, participant, details, raised, acknowledged) = try row.decode(
            Int.self,
            String.self,
            String.self,
            String.self,
            String.self,
            String.self,
            Int?.self,
            PQJSON.self,
            LocalDateTime.self,
            LocalDateTime?.self
        )
        return Alert(
            id: id,
            draft: AlertDraft(
                kind: AlertDraft.Kind(rawValue: kind) ?? .limitBreach,
                key: key,
                targetRole: Role(rawValue: target) ?? .admin,
                severity: AlertDraft.Severity(rawValue: severity) ?? .warning,
                message: message,
                participantID: participant,
                details: (try? details.decode([String: String].self)) ?? [:]
            ),
            raisedAt: raised,
            acknowledgedAt: acknowledged,
            acknowledgedBy: try row.decode(String?.self, column: 10)
        )
    }
}
