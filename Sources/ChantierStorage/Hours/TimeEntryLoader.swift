import ChantierCore
import ChantierPQ

/// Reads time entries with their local times in the organisation's time zone.
struct TimeEntryLoader {
    let connection: PQConnection
    let timeZone: String

    /// The entries `condition` selects (on `entry`, `participant`, `site`), by start.
    func entries(where condition: PQQuery) async throws -> [TimeEntry] {
        try await connection.query(select(from: "time_entries entry", where: condition)).map(Self.entry)
    }

    /// The entry that `insert` (an `INSERT INTO time_entries` without `RETURNING`) adds, read back
    /// by the same statement.
    func inserting(_ insert: PQQuery) async throws -> TimeEntry {
        try Self.entry(try await connection.query("WITH entry AS (\(insert) RETURNING *) \(select(from: "entry"))")[0])
    }

    private func select(from source: PQQuery, where condition: PQQuery = "true") -> PQQuery {
        """
        SELECT entry.id, entry.participant_id, participant.given_name || ' ' || participant.family_name, site.code,
               entry.assignment_id, assignment.shift_id, program.code, entry.kind,
               to_char(lower(entry.worked) AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'),
               to_char(upper(entry.worked) AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'),
               (extract(epoch FROM upper(entry.worked) - lower(entry.worked)) / 60)::bigint,
               entry.break_minutes, entry.supersedes, entry.voids, entry.reason, entry.flags, entry.note,
               to_char(entry.recorded_at AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'), entry.recorded_by_name,
               NOT EXISTS (SELECT 1 FROM time_entries later WHERE later.supersedes = entry.id)
        FROM \(source)
        JOIN participants participant ON participant.id = entry.participant_id
        JOIN sites site ON site.id = entry.site_id
        LEFT JOIN assignments assignment ON assignment.id = entry.assignment_id
        LEFT JOIN programs program ON program.id = entry.program_id
        WHERE \(condition)
        ORDER BY lower(entry.worked), entry.id
        """
    }

    /// The entry with `id`.
    func entry(id: Int) async throws -> TimeEntry {
        guard let entry = try await entries(where: "entry.id = \(id)").first else {
            throw StorageError(
                code: .notFound,
                message: "there is no time entry \(id); chantierctl hours list shows them"
            )
        }
        return entry
    }

    /// A participant's hours in force (not superseded, not voided) over `days`, as the rules count
    /// them, without the entry `excluding` (the one a correction replaces).
    func intervals(of participantID: Int, in days: DateRange, excluding: Int? = nil) async throws -> [WorkInterval] {
        try Self.intervals(
            try await connection.query(intervalsQuery(of: participantID, in: days, excluding: excluding))
        )
    }

    /// The statement of ``intervals(of:in:excluding:)``, to send with others (``intervals(_:)``
    /// reads its rows).
    func intervalsQuery(of participantID: Int, in days: DateRange, excluding: Int? = nil) -> PQQuery {
        select(
            from: "time_entries entry",
            where: """
                entry.participant_id = \(participantID) AND entry.work_date BETWEEN \(days.first) AND \(days.last)
                AND NOT entry.voids AND NOT EXISTS (SELECT 1 FROM time_entries later WHERE later.supersedes = entry.id)
                AND (\(excluding)::bigint IS NULL OR entry.id <> \(excluding))
                """
        )
    }

    static func intervals(_ rows: PQResult) throws -> [WorkInterval] {
        try rows.map(entry).flatMap(\.intervals)
    }

    private static func entry(_ row: PQRow) throws -> TimeEntry {
        let (id, participant, name, site, assignment, shift, program, kind, start, end) = try row.decode(
            Int.self,
            Int.self,
            String.self,
            String.self,
            Int?.self,
            Int?.self,
            String?.self,
            String.self,
            LocalDateTime.self,
            LocalDateTime.self
        )
        let (minutes, breakMinutes, supersedes, voids, reason, flags, note, recordedAt, recordedBy, current) = try (
            row.decode(Int.self, column: 10),
            row.decode(Int.self, column: 11),
            row.decode(Int?.self, column: 12),
            row.decode(Bool.self, column: 13),
            row.decode(String?.self, column: 14),
            row.decode([String].self, column: 15),
            row.decode(String?.self, column: 16),
            row.decode(LocalDateTime.self, column: 17),
            row.decode(String.self, column: 18),
            row.decode(Bool.self, column: 19)
        )
        return TimeEntry(
            id: id,
            participantID: participant,
            participantName: name,
            siteCode: site,
            assignmentID: assignment,
            shiftID: shift,
            programCode: program,
            kind: WorkKind(rawValue: kind) ?? .work,
            start: start,
            end: end,
            minutes: minutes,
            breakMinutes: breakMinutes,
            supersedes: supersedes,
            voids: voids,
            reason: reason,
            flags: flags.map { RuleID($0) },
            note: note,
            recordedAt: recordedAt,
            recordedBy: recordedBy,
            current: current
        )
    }
}
