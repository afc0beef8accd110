public import ChantierCore
import ChantierPQ

/// Outcomes (`outcomes`): recorded, never changed; a later observation is a new outcome.
public struct OutcomeRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Records an outcome. Without an enrollment, it follows the participant's latest enrollment
    /// that started on or before the day observed.
    public func record(
        _ draft: OutcomeDraft,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Outcome {
        try await database.write(audit, idempotency: idempotency) { connection in
            try await Self.insert(draft, recordedBy: audit.name, on: connection)
        }
    }

    /// Inserts an outcome within the caller's transaction.
    static func insert(_ draft: OutcomeDraft, recordedBy: String, on connection: PQConnection) async throws -> Outcome {
        let participant = try await ParticipantRepository.participant(id: draft.participantID, on: connection)
        let enrollment: Int?
        if let id = draft.enrollmentID {
            guard participant.enrollments.contains(where: { $0.id == id }) else {
                throw StorageError(
                    code: .invalidReference,
                    message: "enrollment \(id) is not one of \(participant.profile.fullName)'s; "
                        + "chantierctl participant show \(participant.id) lists them",
                    field: "enrollment_id"
                )
            }
            enrollment = id
        } else {
            enrollment =
                participant.enrollments.filter { $0.startsOn <= draft.observedOn }
                .max { ($0.startsOn, $0.id) < ($1.startsOn, $1.id) }?.id
        }
        let id = try await connection.query(
            """
            INSERT INTO outcomes (participant_id, enrollment_id, observed_on, situation, diploma_level, source, note,
                                  recorded_by)
            VALUES (\(participant.id), \(enrollment), \(draft.observedOn), \(draft.situation.rawValue),
                    \(draft.diplomaLevel?.rawValue), \(draft.source.rawValue), \(draft.note), \(recordedBy))
            RETURNING id
            """
        ).value(Int.self)
        return try await outcomes(where: "outcome.id = \(id)", on: connection)[0]
    }

    /// Which outcomes a list shows.
    public struct Filter: Sendable {
        public var participantID: Int?
        public var programCode: String?
        /// Observed on or after, on or before.
        public var from: LocalDate?
        public var to: LocalDate?

        public init(participantID: Int? = nil, programCode: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil)
        {
            self.participantID = participantID
            self.programCode = programCode
            self.from = from
            self.to = to
        }
    }

    public func list(_ filter: Filter) async throws -> [Outcome] {
        try await database.read { connection in
            try await Self.outcomes(
                where: .allOf([
                    filter.participantID.map { "outcome.participant_id = \($0)" },
                    filter.programCode.map { "program.code = \($0)" },
                    filter.from.map { "outcome.observed_on >= \($0)" },
                    filter.to.map { "outcome.observed_on <= \($0)" },
                ]),
                on: connection
            )
        }
    }

    public func outcome(id: Int) async throws -> Outcome {
        try await database.read { connection in
            guard let outcome = try await Self.outcomes(where: "outcome.id = \(id)", on: connection).first else {
                throw StorageError(
                    code: .notFound,
                    message: "there is no outcome \(id); chantierctl outcome list shows them"
                )
            }
            return outcome
        }
    }

    static func outcomes(where condition: PQQuery, on connection: PQConnection) async throws -> [Outcome] {
        try await connection.query(
            """
            SELECT outcome.id, outcome.participant_id, participant.given_name || ' ' || participant.family_name,
                   outcome.enrollment_id, program.code, outcome.observed_on, outcome.situation, outcome.diploma_level,
                   outcome.source, outcome.note, outcome.recorded_by
            FROM outcomes outcome
            JOIN participants participant ON participant.id = outcome.participant_id
            LEFT JOIN enrollments enrollment ON enrollment.id = outcome.enrollment_id
            LEFT JOIN programs program ON program.id = enrollment.program_id
            WHERE \(condition)
            ORDER BY outcome.observed_on, outcome.id
            LIMIT 10000
            """
        ).map { row in
            let (id, participant, name, enrollment, program, observed, situation, diploma, source, note) =
                try row.decode(
                    Int.self,
                    Int.self,
                    String.self,
                    Int?.self,
                    String?.self,
                    LocalDate.self,
                    String.self,
                    String?.self,
                    String.self,
                    String?.self
                )
            return Outcome(
                id: id,
                participantID: participant,
                participantName: name,
                enrollmentID: enrollment,
                programCode: program,
                observedOn: observed,
                situation: Outcome.Situation(rawValue: situation) ?? .other,
                diplomaLevel: diploma.flatMap(Outcome.DiplomaLevel.init(rawValue:)),
                source: Outcome.Source(rawValue: source) ?? .selfReported,
                note: note,
                recordedBy: try row.decode(String.self, column: 10)
            )
        }
    }
}
