public import ChantierCore
import ChantierPQ
import Foundation

/// Guardians and consents of participants.
public struct ConsentRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Adds a guardian to a participant.
    public func addGuardian(
        _ guardian: Guardian,
        to participantID: Int,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Participant {
        let name: String
        let email: String?
        do {
            name = try RecordFields.text(guardian.name, field: "name")
            email = try RecordFields.email(guardian.email)
        } catch {
            throw StorageError(error)
        }
        return try await database.write(audit, idempotency: idempotency) { connection in
            _ = try await ParticipantRepository.participant(id: participantID, on: connection, lock: true)
            try await connection.query(
                """
                INSERT INTO guardians (participant_id, name, relationship, phone, email, notes)
                VALUES (\(participantID), \(name), \(guardian.relationship), \(guardian.phone), \(email), \(guardian.notes))
                """
            )
            return try await ParticipantRepository.participant(id: participantID, on: connection)
        }
    }

    /// Records a consent; the tasks it lists must be task codes, and its guardian the participant's.
    public func addConsent(
        _ draft: Consent,
        to participantID: Int,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Participant {
        let consent = try StorageError.checking { () throws(RecordError) in try draft.validated() }
        return try await database.write(audit, idempotency: idempotency) { connection in
            let participant = try await ParticipantRepository.participant(id: participantID, on: connection, lock: true)
            if let guardian = consent.guardianID, !participant.guardians.contains(where: { $0.id == guardian }) {
                throw StorageError(
                    code: .invalidReference,
                    message: "guardian \(guardian) is not a guardian of participant \(participantID)",
                    field: "guardian_id"
                )
            }
            for task in consent.tasks {
                _ = try await RegistryTable.taskKind.id(of: task, field: "tasks", on: connection)
            }
            let availability = try consent.availability.map { try PQJSON(encoding: $0.map(\.description)) }
            try await connection.query(
                """
                INSERT INTO consents (participant_id, guardian_id, kind, document_ref, signed_on, expires_on,
                                      max_minutes_per_week, tasks, availability)
                VALUES (\(participantID), \(consent.guardianID), \(consent.kind.rawValue), \(consent.documentReference),
                        \(consent.signedOn), \(consent.expiresOn), \(consent.maxMinutesPerWeek), \(consent.tasks),
                        \(availability))
                """
            )
            return try await ParticipantRepository.participant(id: participantID, on: connection)
        }
    }

    /// Revokes a consent from `date`: work on or after that day no longer has it.
    public func revokeConsent(
        _ consentID: Int,
        of participantID: Int,
        on date: LocalDate,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Participant {
        try await database.write(audit, idempotency: idempotency) { connection in
            let participant = try await ParticipantRepository.participant(id: participantID, on: connection, lock: true)
            guard let consent = participant.consents.first(where: { $0.id == consentID }) else {
                throw StorageError(code: .notFound, message: "participant \(participantID) has no consent \(consentID)")
            }
            guard date >= consent.signedOn else {
                throw StorageError(
                    code: .invalidRecord,
                    message: "the consent was signed on \(consent.signedOn); it cannot be revoked before",
                    field: "revoked_on"
                )
            }
            try await connection.query("UPDATE consents SET revoked_on = \(date) WHERE id = \(consentID)")
            return try await ParticipantRepository.participant(id: participantID, on: connection)
        }
    }
}
