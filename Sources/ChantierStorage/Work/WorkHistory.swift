import ChantierCore
import ChantierPQ

/// A participant's work as the rule packs count it: the hours logged (with their breaks), and the
/// shifts they hold that have no hours logged yet (a no-show did not work).
struct WorkHistory {
    let connection: PQConnection
    let timeZone: String

    func intervals(
        of participantID: Int,
        in days: DateRange,
        excludingShift shiftID: Int?
    ) async throws -> [WorkInterval] {
        try await connection.query(
            """
            SELECT to_char(lower(shift.during) AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'),
                   to_char(upper(shift.during) AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'),
                   (extract(epoch FROM upper(shift.during) - lower(shift.during)) / 60)::bigint, 'work'
            FROM assignments assignment JOIN shifts shift ON shift.id = assignment.shift_id
            WHERE assignment.participant_id = \(participantID)
              AND assignment.status IN ('assigned', 'confirmed', 'completed')
              AND shift.local_date BETWEEN \(days.first) AND \(days.last)
              AND (\(shiftID)::bigint IS NULL OR shift.id <> \(shiftID))
              AND NOT EXISTS (SELECT 1 FROM current_time_entries entry WHERE entry.assignment_id = assignment.id)
            """
        ).compactMap { row in
            let (start, end, minutes, kind) = try row.decode(
                LocalDateTime.self,
                LocalDateTime.self,
                Int.self,
                String.self
            )
            guard start < end else { return nil }
            return WorkInterval.real(start: start, end: end, minutes: minutes, kind: WorkKind(rawValue: kind) ?? .work)
        } + TimeEntryLoader(connection: connection, timeZone: timeZone).intervals(of: participantID, in: days)
    }
}
