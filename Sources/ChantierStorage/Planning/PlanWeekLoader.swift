import ChantierCore
import ChantierPQ

/// Reads what a week's plan is made from, in one snapshot: the week's open shifts with their
/// tasks, the participants enrolled that week (not archived) with their programs and calendars,
/// and each one's work around the week.
struct PlanWeekLoader {
    let connection: PQConnection
    let timeZone: String

    func week(_ monday: LocalDate, weights: PlanInstance.Weights) async throws -> PlanWeek {
        let days = DateRange(monday, monday.adding(days: 6))
        let shifts = try await ShiftLoader(connection: connection, timeZone: timeZone).shifts(
            where: "shift.local_date BETWEEN \(days.first) AND \(days.last) AND shift.status = 'open'"
        )
        var tasks: [String: TaskKind] = [:]
        var supervised: [Int: Bool] = [:]
        for row in try await connection.query(
            """
            SELECT shift.id, coalesce(work_order.adult_supervision, true)
            FROM shifts shift LEFT JOIN work_orders work_order ON work_order.id = shift.work_order_id
            WHERE shift.id \(PQQuery.isAny(of: shifts.map(\.id)))
            """
        ) {
            let (id, adult) = try row.decode(Int.self, Bool.self)
            supervised[id] = adult
        }
        for code in Set(shifts.map(\.taskCode)) {
            tasks[code] = try await TaskKindRepository.taskKind(code: code, on: connection)
        }
        let jobs = shifts.compactMap { shift in
            tasks[shift.taskCode].map {
                PlanWeek.Job(shift: shift, task: $0, adultSupervision: supervised[shift.id] ?? true)
            }
        }
        let ids = try await connection.query(
            """
            SELECT DISTINCT participant.id FROM participants participant
            JOIN enrollments enrollment ON enrollment.participant_id = participant.id
            WHERE participant.archived_at IS NULL AND enrollment.starts_on <= \(days.last)
              AND (enrollment.exit_on IS NULL OR enrollment.exit_on >= \(days.first))
            ORDER BY participant.id
            """
        ).map { try $0.decode(Int.self, column: 0) }
        let participants = try await ParticipantLoader.load(ids: ids, on: connection)
        let programIDs = try await connection.query(
            "SELECT DISTINCT program_id FROM enrollments WHERE participant_id \(PQQuery.isAny(of: ids))"
        ).map { try $0.decode(Int.self, column: 0) }
        let programs = try await ProgramRepository.programs(ids: programIDs, on: connection)
        var calendars: [String: SchoolCalendarRecord] = [:]
        for code in Set(participants.compactMap(\.profile.calendarCode)) {
            calendars[code] = try await CalendarRepository.calendar(code: code, on: connection)
        }
        let history = WorkHistory(connection: connection, timeZone: timeZone)
        var people: [PlanWeek.Person] = []
        for participant in participants.sorted(by: { $0.id < $1.id }) {
            let enrolled = Set(participant.enrollments.map(\.programCode))
            people.append(
                PlanWeek.Person(
                    participant: participant,
                    programs: programs.filter { enrolled.contains($0.code) },
                    calendar: participant.profile.calendarCode.flatMap { calendars[$0] },
                    existing: try await history.intervals(
                        of: participant.id,
                        in: PlanWeek.window(of: monday),
                        excludingShift: nil
                    )
                )
            )
        }
        return PlanWeek(monday: monday, jobs: jobs, people: people, weights: weights)
    }
}
