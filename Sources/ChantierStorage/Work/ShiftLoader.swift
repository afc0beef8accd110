import ChantierCore
import ChantierPQ

/// Reads shifts with their local times (in the organisation's time zone) and their assignments.
struct ShiftLoader {
    let connection: PQConnection
    let timeZone: String

    /// The shifts matching `condition` (on `shift`, `site`, `sector`, `work_order`), by time.
    func shifts(where condition: PQQuery) async throws -> [Shift] {
        let shifts = try await connection.query(
            """
            SELECT shift.id, shift.work_order_id, coalesce(work_order.title, task.name), site.code, site.name,
                   sector.code, task.code, program.code, shift.local_date,
                   to_char(lower(shift.during) AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'),
                   to_char(upper(shift.during) AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'),
                   (extract(epoch FROM upper(shift.during) - lower(shift.during)) / 60)::bigint,
                   to_char(lower(shift.during) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI'),
                   to_char(upper(shift.during) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI'),
                   shift.headcount, shift.required_skills, shift.min_age, shift.priority, shift.status,
                   shift.cancel_reason
            FROM shifts shift
            JOIN sites site ON site.id = shift.site_id
            JOIN sectors sector ON sector.id = site.sector_id
            JOIN task_kinds task ON task.id = shift.task_kind_id
            LEFT JOIN work_orders work_order ON work_order.id = shift.work_order_id
            LEFT JOIN programs program ON program.id = work_order.program_id
            WHERE \(condition)
            ORDER BY lower(shift.during), site.code, shift.id
            """
        ).map(Self.shift)
        guard !shifts.isEmpty else { return [] }
        var assignments: [Int: [Assignment]] = [:]
        for row in try await connection.query(
            """
            SELECT assignment.id, assignment.shift_id, assignment.participant_id,
                   participant.given_name || ' ' || participant.family_name, assignment.status, assignment.source,
                   assignment.status_reason
            FROM assignments assignment JOIN participants participant ON participant.id = assignment.participant_id
            WHERE assignment.shift_id \(PQQuery.isAny(of: shifts.map(\.id)))
            ORDER BY assignment.id
            """
        ) {
            let (id, shift, participant, name, status, source, reason) = try row.decode(
                Int.self,
                Int.self,
                Int.self,
                String.self,
                String.self,
                String.self,
                String?.self
            )
            assignments[shift, default: []].append(
                Assignment(
                    id: id,
                    shiftID: shift,
                    participantID: participant,
                    participantName: name,
                    status: Assignment.Status(rawValue: status) ?? .cancelled,
                    source: Assignment.Source(rawValue: source) ?? .manual,
                    statusReason: reason
                )
            )
        }
        return shifts.map { shift in
            var shift = shift
            shift.assignments = assignments[shift.id] ?? []
            return shift
        }
    }

    func shift(id: Int) async throws -> Shift {
        guard let shift = try await shifts(where: "shift.id = \(id)").first else {
            throw StorageError(code: .notFound, message: "there is no shift \(id); chantierctl shift list shows them")
        }
        return shift
    }

    private static func shift(_ row: PQRow) throws -> Shift {
        let (id, order, title, site, siteName, sector, task, program, date, start, end) = try row.decode(
            Int.self,
            Int?.self,
            String.self,
            String.self,
            String.self,
            String.self,
            String.self,
            String?.self,
            LocalDate.self,
            LocalDateTime.self,
            LocalDateTime.self
        )
        let (minutes, startUTC, endUTC, headcount, skills, minimumAge, priority, status, reason) = try (
            row.decode(Int.self, column: 11),
            row.decode(LocalDateTime.self, column: 12),
            row.decode(LocalDateTime.self, column: 13),
            row.decode(Int.self, column: 14),
            row.decode([String].self, column: 15),
            row.decode(Int?.self, column: 16),
            row.decode(Int.self, column: 17),
            row.decode(String.self, column: 18),
            row.decode(String?.self, column: 19)
        )
        return Shift(
            id: id,
            orderID: order,
            title: title,
            siteCode: site,
            siteName: siteName,
            sectorCode: sector,
            taskCode: task,
            programCode: program,
            date: date,
            start: start,
            end: end,
            minutes: minutes,
            startUTC: startUTC,
            endUTC: endUTC,
            headcount: headcount,
            requiredSkills: skills,
            minimumAge: minimumAge,
            priority: priority,
            status: Shift.Status(rawValue: status) ?? .cancelled,
            cancelReason: reason
        )
    }
}
