public import ChantierCore
import ChantierPQ

/// Follow-ups (`follow_ups`): scheduled by the leader after each exit, listed when due, done when
/// the person was contacted, with the outcome learnt recorded in the same transaction.
public struct FollowUpRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Schedules the follow-ups of every exit still followed on `today` that lacks some; running
    /// it again (or on two daemons) adds nothing.
    ///
    /// - Returns: how many were scheduled.
    @discardableResult
    public func schedule(_ schedule: FollowUpSchedule, today: LocalDate, audit: AuditContext) async throws -> Int {
        guard !schedule.offsetsDays.isEmpty else { return 0 }
        return try await database.write(audit) { connection in
            try await connection.query(
                """
                INSERT INTO follow_ups (enrollment_id, offset_days, due_on)
                SELECT enrollment.id, offset_days, enrollment.exit_on + offset_days
                FROM enrollments enrollment CROSS JOIN unnest(\(schedule.offsetsDays)::integer[]) AS offset_days
                WHERE enrollment.exit_on >= \(schedule.earliestFollowedExit(today: today))
                ON CONFLICT (enrollment_id, offset_days) DO NOTHING
                """
            ).affectedRows
        }
    }

    /// Raises the alerts due on `today`: overdue follow-ups and, when the soft exit is on, stays
    /// whose participant has had no hours and no assignment for its number of days.
    ///
    /// - Returns: how many alerts were new.
    @discardableResult
    public func scan(_ schedule: FollowUpSchedule, today: LocalDate, audit: AuditContext) async throws -> Int {
        try await database.write(audit) { connection in
            let pending = try await Self.followUps(
                where: "follow_up.done_on IS NULL AND follow_up.due_on < \(today)",
                on: connection
            ).map {
                PendingFollowUp(
                    id: $0.id,
                    participantID: $0.participantID,
                    participantName: $0.participantName,
                    programCode: $0.programCode,
                    offsetDays: $0.offsetDays,
                    due: $0.due
                )
            }
            var inactive: [InactiveStay] = []
            if let days = schedule.softExitDays {
                inactive = try await connection.query(
                    """
                    SELECT enrollment.id, participant.id, participant.given_name || ' ' || participant.family_name,
                           program.code, activity.last_day
                    FROM enrollments enrollment
                    JOIN participants participant ON participant.id = enrollment.participant_id
                    JOIN programs program ON program.id = enrollment.program_id
                    CROSS JOIN LATERAL (
                        -- Latest first along the indexes on (participant, day) and (participant, time).
                        SELECT greatest(
                            enrollment.starts_on,
                            (SELECT entry.work_date FROM current_time_entries entry
                             WHERE entry.participant_id = participant.id ORDER BY entry.work_date DESC LIMIT 1),
                            (SELECT shift.local_date FROM assignments assignment
                             JOIN shifts shift ON shift.id = assignment.shift_id
                             WHERE assignment.participant_id = participant.id
                               AND assignment.status IN ('assigned', 'confirmed', 'completed')
                             ORDER BY assignment.during DESC LIMIT 1)
                        ) AS last_day
                    ) activity
                    WHERE enrollment.exit_on IS NULL AND participant.archived_at IS NULL
                      AND activity.last_day <= \(today.adding(days: -days))
                    """
                ).map { row in
                    let (enrollment, participant, name, program, last) = try row.decode(
                        Int.self,
                        Int.self,
                        String.self,
                        String.self,
                        LocalDate.self
                    )
                    return InactiveStay(
                        enrollmentID: enrollment,
                        participantID: participant,
                        participantName: name,
                        programCode: program,
                        lastActivity: last
                    )
                }
            }
            return try await AlertRepository.raise(
                schedule.alerts(today: today, pending: pending, inactive: inactive),
                on: connection
            )
        }
    }

    /// Which follow-ups a list shows.
    public struct Filter: Sendable {
        /// Due on or before this day.
        public var dueBy: LocalDate?
        public var participantID: Int?
        public var programCode: String?
        public var includeDone: Bool

        public init(
            dueBy: LocalDate? = nil,
            participantID: Int? = nil,
            programCode: String? = nil,
            includeDone: Bool = false
        ) {
            self.dueBy = dueBy
            self.participantID = participantID
            self.programCode = programCode
            self.includeDone = includeDone
        }
    }

    public func list(_ filter: Filter) async throws -> [FollowUp] {
        try await database.read { connection in
            try await Self.followUps(
                where: .allOf([
                    filter.includeDone ? nil : "follow_up.done_on IS NULL",
                    filter.dueBy.map { "follow_up.due_on <= \($0)" },
                    filter.participantID.map { "participant.id = \($0)" },
                    filter.programCode.map { "program.code = \($0)" },
                ]),
                on: connection
            )
        }
    }

    public func followUp(id: Int) async throws -> FollowUp {
        try await database.read { connection in try await Self.followUp(id: id, on: connection) }
    }

    /// Marks a follow-up done on `day`, with an outcome recorded now (`outcome`, which must be
    /// about the same participant) or earlier (`outcomeID`), or with only a note.
    public func complete(
        id: Int,
        on day: LocalDate,
        outcome: OutcomeDraft?,
        outcomeID: Int?,
        note: String?,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> (FollowUp, Outcome?) {
        try await database.write(audit, idempotency: idempotency) { connection in
            try await connection.query("SELECT 1 FROM follow_ups WHERE id = \(id) FOR UPDATE")
            let followUp = try await Self.followUp(id: id, on: connection)
            if let done = followUp.doneOn {
                throw StorageError(
                    code: .conflict,
                    message: "follow-up \(id) was done on \(done); record a later observation with chantierctl "
                        + "outcome record"
                )
            }
            var recorded: Outcome?
            var linked = outcomeID
            if let outcome {
                guard outcome.participantID == followUp.participantID else {
                    throw StorageError(
                        code: .invalidReference,
                        message: "follow-up \(id) is about participant \(followUp.participantID)",
                        field: "outcome"
                    )
                }
                recorded = try await OutcomeRepository.insert(outcome, recordedBy: audit.name, on: connection)
                linked = recorded?.id
            } else if let outcomeID {
                let owner = try await connection.query(
                    "SELECT participant_id FROM outcomes WHERE id = \(outcomeID)"
                ).firstRow?.decode(Int.self)
                guard owner == followUp.participantID else {
                    throw StorageError(
                        code: .invalidReference,
                        message: "outcome \(outcomeID) is not one of participant \(followUp.participantID)'s; "
                            + "chantierctl outcome list --participant \(followUp.participantID) shows them",
                        field: "outcome_id"
                    )
                }
            }
            try await connection.query(
                """
                UPDATE follow_ups SET done_on = \(day), outcome_id = \(linked), note = \(note) WHERE id = \(id)
                """
            )
            return (try await Self.followUp(id: id, on: connection), recorded)
        }
    }

    static func followUp(id: Int, on connection: PQConnection) async throws -> FollowUp {
        guard let followUp = try await followUps(where: "follow_up.id = \(id)", on: connection).first else {
            throw StorageError(
                code: .notFound,
                message: "there is no follow-up \(id); chantierctl followup due lists them"
            )
        }
        return followUp
    }

    static func followUps(where condition: PQQuery, on connection: PQConnection) async throws -> [FollowUp] {
        try await connection.query(
            """
            SELECT follow_up.id, enrollment.id, participant.id, participant.given_name || ' ' || participant.family_name,
                   program.code, enrollment.exit_on, follow_up.offset_days, follow_up.due_on, follow_up.done_on,
                   follow_up.outcome_id, follow_up.note
            FROM follow_ups follow_up
            JOIN enrollments enrollment ON enrollment.id = follow_up.enrollment_id
            JOIN participants participant ON participant.id = enrollment.participant_id
            JOIN programs program ON program.id = enrollment.program_id
            WHERE \(condition)
            ORDER BY follow_up.due_on, follow_up.id
            LIMIT 10000
            """
        ).map { row in
            let (id, enrollment, participant, name, program, exit, offset, due, done, outcome) = try row.decode(
                Int.self,
                Int.self,
                Int.self,
                String.self,
                String.self,
                LocalDate.self,
                Int.self,
                LocalDate.self,
                LocalDate?.self,
                Int?.self
            )
            return FollowUp(
                id: id,
                enrollmentID: enrollment,
                participantID: participant,
                participantName: name,
                programCode: program,
                exitOn: exit,
                offsetDays: offset,
                due: due,
                doneOn: done,
                outcomeID: outcome,
                note: try row.decode(String?.self, column: 10)
            )
        }
    }
}
