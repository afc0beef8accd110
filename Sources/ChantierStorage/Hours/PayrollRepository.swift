public import ChantierCore
import ChantierPQ

/// Pay-period exports: approved minutes of approved, locked weeks, priced.
public struct PayrollRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The payroll of `period`. Entries of weeks not approved are left out; unless
    /// `allowPartial`, their presence refuses the export. The export is recorded in the audit log.
    ///
    /// - Returns: the payroll and the weeks left out.
    /// - Throws: ``UnapprovedWeeks`` listing them.
    public func export(
        period: DateRange,
        allowPartial: Bool,
        minimumWage: MinimumWage,
        audit: AuditContext
    ) async throws -> (payroll: Payroll, leftOut: [SiteWeek]) {
        let (entries, leftOut, programs) = try await database.read { connection in
            let leftOut = try await connection.query(
                """
                SELECT DISTINCT site.code, date_trunc('week', entry.work_date)::date, coalesce(closure.status, 'open')
                FROM current_time_entries entry JOIN sites site ON site.id = entry.site_id
                LEFT JOIN week_closures closure
                       ON closure.site_id = entry.site_id AND closure.week_start = date_trunc('week', entry.work_date)::date
                WHERE entry.work_date BETWEEN \(period.first) AND \(period.last) AND coalesce(closure.status, 'open') <> 'approved'
                ORDER BY 2, 1
                """
            ).map(SiteWeek.init(row:))
            let entries = try await connection.query(
                """
                SELECT entry.participant_id, participant.given_name || ' ' || participant.family_name,
                       coalesce(program.code, ''), entry.kind, entry.work_date,
                       ((extract(epoch FROM upper(entry.worked) - lower(entry.worked)) / 60)::bigint - entry.break_minutes)
                FROM current_time_entries entry
                JOIN participants participant ON participant.id = entry.participant_id
                LEFT JOIN programs program ON program.id = entry.program_id
                JOIN week_closures closure
                  ON closure.site_id = entry.site_id AND closure.week_start = date_trunc('week', entry.work_date)::date
                WHERE entry.work_date BETWEEN \(period.first) AND \(period.last) AND closure.status = 'approved'
                """
            ).map { row in
                let (participant, name, program, kind, date, minutes) = try row.decode(
                    Int.self,
                    String.self,
                    String.self,
                    String.self,
                    LocalDate.self,
                    Int.self
                )
                return Payroll.Entry(
                    participantID: participant,
                    participantName: name,
                    programCode: program,
                    kind: WorkKind(rawValue: kind) ?? .work,
                    date: date,
                    minutes: minutes
                )
            }
            let codes = Set(entries.map(\.programCode)).filter { !$0.isEmpty }
            var programs: [String: Program] = [:]
            for code in codes { programs[code] = try await ProgramRepository.program(code: code, on: connection) }
            return (entries, leftOut, programs)
        }
        if !leftOut.isEmpty && !allowPartial { throw UnapprovedWeeks(weeks: leftOut) }
        let payroll = try StorageError.checking { () throws(RecordError) in
            try Payroll(
                period: period,
                entries: entries,
                programRate: { code, date in programs[code]?.policy(on: date)?.hourlyRateCents },
                minimumWage: minimumWage
            )
        }
        try await AuditEvent.record(
            AuditEvent(
                operation: audit.operation,
                table: "time_entries",
                details: [
                    "period": "\(period.first)..\(period.last)", "lines": "\(payroll.lines.count)",
                    "minutes": "\(payroll.totalMinutes)", "amount": Money.text(payroll.totalCents),
                    "left_out_weeks": leftOut.map(\.description).joined(separator: ", "),
                ]
            ),
            audit: audit,
            in: database
        )
        return (payroll, leftOut)
    }
}
