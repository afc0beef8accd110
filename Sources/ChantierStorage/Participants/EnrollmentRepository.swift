public import ChantierCore
import ChantierPQ

/// Participants joining and leaving programs (`enrollments`); the history is kept.
public struct EnrollmentRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Enrolls a participant in a program from `date`, after checking they are eligible (the
    /// program's ages on that day, social housing when it requires it).
    public func enroll(
        participantID: Int,
        program code: String,
        on date: LocalDate,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Participant {
        do {
            return try await database.write(audit, idempotency: idempotency) { connection in
                let participant = try await ParticipantRepository.participant(
                    id: participantID,
                    on: connection,
                    lock: true
                )
                guard !participant.archived else {
                    throw StorageError(code: .conflict, message: "participant \(participantID) is archived")
                }
                let program = try await ProgramRepository.program(code: code, on: connection)
                guard !program.archived else {
                    throw StorageError(
                        code: .invalidReference,
                        message: "the program \(code) is archived",
                        field: "program"
                    )
                }
                if let reason = program.ineligibility(of: participant.profile, on: date) {
                    throw StorageError(code: .notEligible, message: reason)
                }
                if let current = participant.enrollments.first(where: {
                    $0.programCode == code && ($0.exitOn.map { $0 >= date } ?? true)
                }) {
                    throw StorageError(
                        code: .conflict,
                        message: "\(participant.profile.fullName) is already in \(code) from \(current.startsOn)"
                            + (current.exitOn.map { " to \($0)" } ?? "")
                    )
                }
                try await connection.query(
                    """
                    INSERT INTO enrollments (participant_id, program_id, starts_on)
                    VALUES (\(participantID), \(program.id), \(date))
                    """
                )
                return try await ParticipantRepository.participant(id: participantID, on: connection)
            }
        } catch let error as PQError where error.is(.exclusionViolation) {
            throw StorageError(
                code: .conflict,
                message: "participant \(participantID) has a stay in \(code) that overlaps \(date)"
            )
        }
    }

    /// Ends the participant's current stay in a program on `date` (their last day), with a reason.
    public func exit(
        participantID: Int,
        program code: String,
        on date: LocalDate,
        reason: Enrollment.ExitReason,
        note: String?,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Participant {
        try await database.write(audit, idempotency: idempotency) { connection in
            let participant = try await ParticipantRepository.participant(id: participantID, on: connection, lock: true)
            guard let enrollment = participant.enrollments.last(where: { $0.programCode == code && $0.exitOn == nil })
            else {
                throw StorageError(
                    code: .conflict,
                    message:
                        "\(participant.profile.fullName) is not in \(code); chantierctl participant show \(participantID) "
                        + "lists their enrollments"
                )
            }
            guard date >= enrollment.startsOn else {
                throw StorageError(
                    code: .invalidRecord,
                    message: "the stay in \(code) started on \(enrollment.startsOn); the exit cannot be before",
                    field: "exit_on"
                )
            }
            try await connection.query(
                """
                UPDATE enrollments SET exit_on = \(date), exit_reason = \(reason.rawValue), exit_note = \(note)
                WHERE id = \(enrollment.id)
                """
            )
            return try await ParticipantRepository.participant(id: participantID, on: connection)
        }
    }
}
