public import ChantierCore
import ChantierPQ

/// Participants in `participants` with their skills, availability, guardians, consents and
/// enrollments. Participants are archived, never deleted.
public struct ParticipantRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func participant(id: Int) async throws -> Participant {
        try await database.read { connection in
            try await Self.participant(id: id, on: connection)
        }
    }

    static func participant(id: Int, on connection: PQConnection, lock: Bool = false) async throws -> Participant {
        try await participant(id: id, on: connection, lock: lock, alongside: []).participant
    }

    /// The participant, and the rows of the statements `alongside`, run after theirs in the same
    /// round trip.
    static func participant(
        id: Int,
        on connection: PQConnection,
        lock: Bool,
        alongside: [PQQuery]
    ) async throws -> (participant: Participant, alongside: [PQResult]) {
        let loaded = try await ParticipantLoader.load(ids: [id], lock: lock, alongside: alongside, on: connection)
        guard let participant = loaded.participants.first else {
            throw StorageError(
                code: .notFound,
                message: "there is no participant \(id); chantierctl participant list shows them"
            )
        }
        return (participant, loaded.alongside)
    }

    public func list(_ filter: ParticipantFilter, today: LocalDate) async throws -> [ParticipantSummary] {
        try await database.read { connection in
            try await connection.query(
                """
                SELECT participant.id, participant.given_name, participant.family_name, participant.birth_date,
                       sector.code, participant.school_status, participant.archived_at IS NOT NULL,
                       ARRAY(SELECT program.code FROM enrollments enrollment
                             JOIN programs program ON program.id = enrollment.program_id
                             WHERE enrollment.participant_id = participant.id AND enrollment.starts_on <= \(today)
                               AND (enrollment.exit_on IS NULL OR enrollment.exit_on >= \(today))
                             ORDER BY program.code)
                FROM participants participant LEFT JOIN sectors sector ON sector.id = participant.sector_id
                WHERE \(Self.conditions(filter, today: today))
                ORDER BY participant.family_name, participant.given_name, participant.id
                LIMIT \(filter.limit) OFFSET \(filter.offset)
                """
            ).map { row in
                let (id, given, family, birth, sector, school, archived, programs) = try row.decode(
                    Int.self,
                    String.self,
                    String.self,
                    LocalDate.self,
                    String?.self,
                    String.self,
                    Bool.self,
                    [String].self
                )
                return ParticipantSummary(
                    id: id,
                    givenName: given,
                    familyName: family,
                    birthDate: birth,
                    sectorCode: sector,
                    schoolStatus: Participant.SchoolStatus(rawValue: school) ?? .notApplicable,
                    programs: programs,
                    archived: archived
                )
            }
        }
    }

    /// The SQL conditions of `filter` on `participant`.
    static func conditions(_ filter: ParticipantFilter, today: LocalDate) -> PQQuery {
        var conditions: [PQQuery] = []
        switch filter.status {
        case .active: conditions.append("participant.archived_at IS NULL")
        case .archived: conditions.append("participant.archived_at IS NOT NULL")
        case .all: break
        case .enrolled, .notEnrolled: conditions.append("participant.archived_at IS NULL")
        }
        let enrolled: PQQuery = """
            EXISTS (SELECT 1 FROM enrollments enrollment JOIN programs program ON program.id = enrollment.program_id
                    WHERE enrollment.participant_id = participant.id AND enrollment.starts_on <= \(today)
                      AND (enrollment.exit_on IS NULL OR enrollment.exit_on >= \(today))
                      AND (\(filter.program)::text IS NULL OR program.code = \(filter.program)))
            """
        if filter.status == .notEnrolled {
            conditions.append("NOT \(enrolled)")
        } else if filter.status == .enrolled || filter.program != nil {
            conditions.append(enrolled)
        }
        if let sector = filter.sector {
            conditions.append("participant.sector_id = (SELECT id FROM sectors WHERE code = \(sector))")
        }
        if let ages = filter.ages {
            conditions.append(
                """
                extract(year FROM age(\(today), participant.birth_date)) BETWEEN \(ages.lowerBound) AND \(ages.upperBound)
                """
            )
        }
        let words = (filter.search ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        if !words.isEmpty {
            conditions.append(
                """
                NOT EXISTS (SELECT 1 FROM unnest(\(words)) AS word
                            WHERE participant.search_name NOT LIKE
                                  '%' || replace(replace(replace(chantier_fold(word), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
                """
            )
        }
        return .allOf(conditions)
    }

    /// Adds a participant.
    ///
    /// - Parameter today: the organisation's date, which the birth date must not be after.
    public func create(
        _ profile: Participant.Profile,
        today: LocalDate,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Participant {
        let profile = try Self.validated(profile, today: today)
        return try await database.write(audit, idempotency: idempotency) { connection in
            let id = try await ParticipantWriter(connection: connection).insert(profile)
            return try await Self.participant(id: id, on: connection)
        }
    }

    /// Changes a participant's profile: `change` edits the stored profile, which is then checked
    /// and saved, in one transaction that holds the participant's row.
    public func update(
        id: Int,
        today: LocalDate,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil,
        change: @Sendable (inout Participant.Profile) throws -> Void
    ) async throws -> Participant {
        try await database.write(audit, idempotency: idempotency) { connection in
            let stored = try await Self.participant(id: id, on: connection, lock: true)
            let anonymised = try await connection.query(
                "SELECT anonymised_at IS NOT NULL FROM participants WHERE id = \(id)"
            ).value(Bool.self)
            guard !anonymised else {
                throw StorageError(
                    code: .conflict,
                    message: "participant \(id) was anonymised at the end of its retention period; "
                        + "the record can no longer be changed"
                )
            }
            var profile = stored.profile
            do {
                try change(&profile)
            } catch let error as RecordError {
                throw StorageError(error)
            }
            try await ParticipantWriter(connection: connection).update(
                id: id,
                from: stored.profile,
                to: try Self.validated(profile, today: today)
            )
            return try await Self.participant(id: id, on: connection)
        }
    }

    /// Archives a participant: kept for history and statistics, no longer offered for work.
    public func archive(id: Int, audit: AuditContext, idempotency: IdempotencyClaim? = nil) async throws -> Participant
    {
        try await database.write(audit, idempotency: idempotency) { connection in
            _ = try await Self.participant(id: id, on: connection, lock: true)
            try await connection.query(
                "UPDATE participants SET archived_at = now() WHERE id = \(id) AND archived_at IS NULL"
            )
            return try await Self.participant(id: id, on: connection)
        }
    }

    /// Imports a CSV file in one transaction: lines without an id add participants, lines with
    /// one update them. A file with any bad line imports nothing.
    ///
    /// - Throws: ``ImportRejected`` listing every bad line.
    public func importCSV(
        _ text: String,
        today: LocalDate,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> (added: Int, updated: Int) {
        let plan = try ParticipantCSV.plan(of: text, today: today)
        return try await database.write(audit, idempotency: idempotency) { connection in
            let writer = ParticipantWriter(connection: connection)
            var problems: [ImportProblem] = []
            var added = 0
            for line in plan.items.map(\.item) {
                do {
                    if let id = line.id {
                        guard let stored = try await ParticipantLoader.load(ids: [id], on: connection).first else {
                            throw StorageError(
                                code: .invalidReference,
                                message: "there is no participant \(id)",
                                field: "id"
                            )
                        }
                        try await writer.update(
                            id: id,
                            from: stored.profile,
                            to: try line.applied(to: stored.profile, today: today)
                        )
                    } else {
                        _ = try await writer.insert(try line.applied(to: ParticipantCSV.blank, today: today))
                        added += 1
                    }
                } catch let error as RecordError {
                    problems.append(ImportProblem(line: line.line, error))
                } catch let error as StorageError where error.field != nil {
                    problems.append(ImportProblem(line: line.line, field: error.field, message: error.message))
                }
            }
            try plan.check(adding: problems)
            return (added, plan.items.count - added)
        }
    }

    /// The participants `filter` selects, as CSV; the export is recorded in the audit log.
    public func exportCSV(_ filter: ParticipantFilter, today: LocalDate, audit: AuditContext) async throws -> String {
        let participants = try await database.read { connection in
            let ids = try await connection.query(
                """
                SELECT participant.id FROM participants participant
                WHERE \(Self.conditions(filter, today: today))
                ORDER BY participant.family_name, participant.given_name, participant.id
                LIMIT \(filter.limit) OFFSET \(filter.offset)
                """
            ).map { try $0.decode(Int.self, column: 0) }
            return try await ParticipantLoader.load(ids: ids, on: connection)
        }
        try await AuditEvent.record(
            AuditEvent(
                operation: audit.operation,
                table: "participants",
                details: [
                    "rows": "\(participants.count)", "program": filter.program ?? "", "sector": filter.sector ?? "",
                    "status": filter.status.rawValue, "search": filter.search ?? "",
                ]
            ),
            audit: audit,
            in: database
        )
        return ParticipantCSV.text(of: participants)
    }

    private static func validated(_ profile: Participant.Profile, today: LocalDate) throws -> Participant.Profile {
        try StorageError.checking { () throws(RecordError) in try profile.validated(today: today) }
    }
}
