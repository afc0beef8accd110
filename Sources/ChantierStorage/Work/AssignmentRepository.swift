public import ChantierCore
import ChantierPQ

/// Participants put on shifts (`assignments`), after every check the planner makes too.
public struct AssignmentRepository: Sendable {
    let database: Database
    let timeZone: String

    public init(database: Database, timeZone: String) {
        self.database = database
        self.timeZone = timeZone
    }

    /// What an assignment (or its dry run) gives: the check, and the shift as it now is.
    public struct Outcome: Sendable {
        public var check: AssignmentCheck
        public var shift: Shift
        /// The assignment made; `nil` on a dry run.
        public var assignment: Assignment?
    }

    /// Puts a participant on a shift, in one transaction that holds the shift's and the
    /// participant's rows, so that two coordinators cannot together overfill a shift or
    /// double-book a person. A dry run checks and changes nothing.
    ///
    /// - Throws: ``AssignmentRefused`` when a check fails (not on a dry run).
    public func assign(
        participantID: Int,
        to shiftID: Int,
        dryRun: Bool,
        source: Assignment.Source = .manual,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Outcome {
        do {
            return try await database.write(audit, idempotency: dryRun ? nil : idempotency) { connection in
                if dryRun {
                    let question = try await caseFor(participantID: participantID, shiftID: shiftID, on: connection)
                    return Outcome(check: AssignmentCheck(question), shift: question.shift, assignment: nil)
                }
                let check = try await place(participantID: participantID, on: shiftID, source: source, on: connection)
                let shift = try await ShiftLoader(connection: connection, timeZone: timeZone).shift(id: shiftID)
                let assignment = shift.activeAssignments.first { $0.participantID == participantID }
                return Outcome(check: check, shift: shift, assignment: assignment)
            }
        } catch let error as PQError where error.is(.exclusionViolation) {
            // The database's last line of defence: another transaction booked the person meanwhile.
            throw AssignmentRefused(
                shiftID: shiftID,
                participantName: "participant \(participantID)",
                check: AssignmentCheck(problems: [
                    AssignmentProblem(
                        .overlap,
                        message: "participant \(participantID) was just put on another shift at that time",
                        remediation: "unassign them from it first, or choose another shift"
                    )
                ])
            )
        }
    }

    /// Confirms, declines or cancels a participant's place on a shift.
    public func setStatus(
        _ status: Assignment.Status,
        participantID: Int,
        shiftID: Int,
        reason: String?,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Shift {
        let from: [String] =
            switch status {
            case .confirmed: ["assigned", "confirmed"]
            case .declined, .cancelled: ["assigned", "confirmed"]
            case .assigned, .completed, .noShow: []
            }
        return try await database.write(audit, idempotency: idempotency) { connection in
            let changed = try await connection.query(
                """
                UPDATE assignments SET status = \(status.rawValue), status_reason = \(reason)
                WHERE shift_id = \(shiftID) AND participant_id = \(participantID) AND status = ANY(\(from))
                """
            ).affectedRows
            guard changed > 0 else {
                throw StorageError(
                    code: .notFound,
                    message:
                        "participant \(participantID) is not on shift \(shiftID); chantierctl shift show \(shiftID) "
                        + "shows who is"
                )
            }
            return try await ShiftLoader(connection: connection, timeZone: timeZone).shift(id: shiftID)
        }
    }

    /// Checks and makes one assignment on `connection`, inside the caller's transaction.
    ///
    /// - Throws: ``AssignmentRefused`` when a check fails.
    func place(
        participantID: Int,
        on shiftID: Int,
        source: Assignment.Source,
        on connection: PQConnection
    ) async throws -> AssignmentCheck {
        let question = try await caseFor(participantID: participantID, shiftID: shiftID, on: connection)
        let check = AssignmentCheck(question)
        guard check.allowed else {
            throw AssignmentRefused(
                shiftID: shiftID,
                participantName: question.participant.profile.fullName,
                check: check
            )
        }
        try await connection.query(
            """
            INSERT INTO assignments (shift_id, participant_id, source)
            VALUES (\(shiftID), \(participantID), \(source.rawValue))
            """
        )
        return check
    }

    /// Gathers the facts of the check, locking the shift then the participant (always in this
    /// order, so that concurrent assignments queue instead of deadlocking).
    private func caseFor(participantID: Int, shiftID: Int, on connection: PQConnection) async throws -> AssignmentCase {
        guard
            let order = try await connection.query(
                """
                SELECT shift.work_order_id, coalesce(work_order.adult_supervision, true), task.code
                FROM shifts shift JOIN task_kinds task ON task.id = shift.task_kind_id
                LEFT JOIN work_orders work_order ON work_order.id = shift.work_order_id
                WHERE shift.id = \(shiftID) FOR UPDATE OF shift
                """
            ).firstRow
        else {
            throw StorageError(
                code: .notFound,
                message: "there is no shift \(shiftID); chantierctl shift list shows them"
            )
        }
        let (_, supervised, taskCode) = try order.decode(Int?.self, Bool.self, String.self)
        let participant = try await ParticipantRepository.participant(id: participantID, on: connection, lock: true)
        let shift = try await ShiftLoader(connection: connection, timeZone: timeZone).shift(id: shiftID)
        let task = try await TaskKindRepository.taskKind(code: taskCode, on: connection)
        let programIDs = try await connection.query(
            "SELECT DISTINCT program_id FROM enrollments WHERE participant_id = \(participantID)"
        ).map { try $0.decode(Int.self, column: 0) }
        let programs = try await ProgramRepository.programs(ids: programIDs, on: connection)
        let calendar = try await participant.profile.calendarCode.asyncMap { code in
            try await CalendarRepository.calendar(code: code, on: connection)
        }
        let window = AssignmentCase.window(around: shift.date)
        return AssignmentCase(
            shift: shift,
            task: task,
            adultSupervision: supervised,
            participant: participant,
            programs: programs,
            calendar: calendar ?? nil,
            existing: try await WorkHistory(connection: connection, timeZone: timeZone).intervals(
                of: participantID,
                in: window,
                excludingShift: shiftID
            ),
            overlappingShiftIDs: try await connection.query(
                """
                SELECT other.shift_id FROM assignments other
                WHERE other.participant_id = \(participantID) AND other.shift_id <> \(shiftID)
                  AND other.status IN ('assigned', 'confirmed', 'completed', 'no_show')
                  AND other.during && (SELECT during FROM shifts WHERE id = \(shiftID))
                ORDER BY other.shift_id
                """
            ).map { try $0.decode(Int.self, column: 0) }
        )
    }
}
