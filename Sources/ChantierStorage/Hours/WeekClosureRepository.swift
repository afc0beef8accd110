public import ChantierCore
import ChantierPQ

/// The closure of each site's week (`week_closures`): submitted by a supervisor, approved (and so
/// locked) by a coordinator, reopened with a reason.
public struct WeekClosureRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The state of `week` at every site that had shifts, hours or a closure in it.
    public func status(of week: DateRange, site: String? = nil) async throws -> [WeekClosure] {
        try await database.read { connection in
            try await Self.closures(of: week, site: site, on: connection)
        }
    }

    static func closures(of week: DateRange, site: String?, on connection: PQConnection) async throws -> [WeekClosure] {
        try await connection.query(
            """
            WITH sites_of_week AS (
                SELECT site_id FROM shifts WHERE local_date BETWEEN \(week.first) AND \(week.last)
                UNION SELECT site_id FROM current_time_entries WHERE work_date BETWEEN \(week.first) AND \(week.last)
                UNION SELECT site_id FROM week_closures WHERE week_start = \(week.first)
            )
            SELECT site.code, coalesce(closure.status, 'open'), closure.submitted_by, closure.approved_by,
                   closure.flags_acknowledgement, closure.reopen_reason,
                   (SELECT count(*) FROM current_time_entries entry
                    WHERE entry.site_id = site.id AND entry.work_date BETWEEN \(week.first) AND \(week.last)),
                   (SELECT count(*) FROM current_time_entries entry
                    WHERE entry.site_id = site.id AND entry.work_date BETWEEN \(week.first) AND \(week.last)
                      AND cardinality(entry.flags) > 0)
            FROM sites_of_week JOIN sites site ON site.id = sites_of_week.site_id
            LEFT JOIN week_closures closure ON closure.site_id = site.id AND closure.week_start = \(week.first)
            WHERE \(PQQuery.allOf([site.map { "site.code = \($0)" }]))
            ORDER BY site.code
            """
        ).map { row in
            let (site, status, submitted, approved, acknowledgement, reason, entries, flagged) = try row.decode(
                String.self,
                String.self,
                String?.self,
                String?.self,
                String?.self,
                String?.self,
                Int.self,
                Int.self
            )
            return WeekClosure(
                siteCode: site,
                week: week,
                status: WeekClosure.Status(rawValue: status) ?? .open,
                submittedBy: submitted,
                approvedBy: approved,
                acknowledgement: acknowledgement,
                reopenReason: reason,
                entries: entries,
                flaggedEntries: flagged
            )
        }
    }

    /// A supervisor submits a site's week: its hours are complete.
    public func submit(
        site: String,
        week: DateRange,
        access: SiteAccess,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> WeekClosure {
        try await change(site: site, week: week, audit: audit, idempotency: idempotency) {
            connection,
            siteID,
            current in
            try await access.check(site: site, siteID: siteID, on: connection)
            try Self.allow(.submit, current)
            try await connection.query(
                """
                INSERT INTO week_closures (site_id, week_start, status, submitted_at, submitted_by)
                VALUES (\(siteID), \(week.first), 'submitted', now(), \(audit.name))
                ON CONFLICT (site_id, week_start) DO UPDATE
                SET status = 'submitted', submitted_at = now(), submitted_by = excluded.submitted_by
                """
            )
        }
    }

    /// A coordinator approves a submitted week, which locks it. A week with flagged entries needs
    /// an acknowledgement saying why it is approved all the same.
    public func approve(
        site: String,
        week: DateRange,
        acknowledgement: String?,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> WeekClosure {
        try await change(site: site, week: week, audit: audit, idempotency: idempotency) {
            connection,
            siteID,
            current in
            let comment = try StorageError.checking { () throws(RecordError) in
                try RecordFields.optionalText(acknowledgement, field: "acknowledgement")
            }
            try Self.allow(.approve(acknowledgement: comment), current, field: "acknowledgement")
            try await connection.query(
                """
                UPDATE week_closures SET status = 'approved', approved_at = now(), approved_by = \(audit.name),
                                         flags_acknowledgement = \(comment)
                WHERE site_id = \(siteID) AND week_start = \(week.first)
                """
            )
        }
    }

    /// Reopens a submitted or approved week, with a reason, so that hours can be logged again.
    public func reopen(
        site: String,
        week: DateRange,
        reason: String,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> WeekClosure {
        try await change(site: site, week: week, audit: audit, idempotency: idempotency) {
            connection,
            siteID,
            current in
            try Self.allow(.reopen, current)
            let text = try StorageError.checking { () throws(RecordError) in
                try RecordFields.text(reason, field: "reason", maximum: 2000)
            }
            try await connection.query(
                """
                UPDATE week_closures SET status = 'reopened', reopened_at = now(), reopened_by = \(audit.name),
                                         reopen_reason = \(text)
                WHERE site_id = \(siteID) AND week_start = \(week.first)
                """
            )
        }
    }

    /// - Throws: ``StorageError/Code/conflict`` when the week's state refuses `action`.
    private static func allow(_ action: WeekClosure.Action, _ current: WeekClosure, field: String? = nil) throws {
        if let refusal = current.refusal(of: action) {
            throw StorageError(code: .conflict, message: refusal, field: field)
        }
    }

    private func change(
        site: String,
        week: DateRange,
        audit: AuditContext,
        idempotency: IdempotencyClaim?,
        _ body: (PQConnection, Int, WeekClosure) async throws -> Void
    ) async throws -> WeekClosure {
        try await database.write(audit, idempotency: idempotency) { connection in
            let siteID = try await RegistryTable.site.existingID(of: site, on: connection)
            try await connection.query("SELECT 1 FROM sites WHERE id = \(siteID) FOR UPDATE")
            let current =
                try await Self.closures(of: week, site: site, on: connection).first
                ?? WeekClosure(siteCode: site, week: week, status: .open)
            try await body(connection, siteID, current)
            return try await Self.closures(of: week, site: site, on: connection).first!
        }
    }
}
