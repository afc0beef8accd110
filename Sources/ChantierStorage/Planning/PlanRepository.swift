public import ChantierCore
import ChantierPQ

/// The planner's proposals (`plan_proposals` and the tables around it): the facts a week is
/// planned from, proposals stored, reviewed, committed into assignments or discarded.
public struct PlanRepository: Sendable {
    let database: Database
    let timeZone: String

    public init(database: Database, timeZone: String) {
        self.database = database
        self.timeZone = timeZone
    }

    /// What the week starting on `monday` is planned from, read in one snapshot.
    public func week(_ monday: LocalDate, weights: PlanInstance.Weights = .init()) async throws -> PlanWeek {
        try await database.pool.withTransaction(isolation: .repeatableRead) { connection in
            try await PlanWeekLoader(connection: connection, timeZone: timeZone).week(monday, weights: weights)
        }
    }

    /// Stores a proposal; the week's proposal still waiting for a decision, if any, is superseded.
    ///
    /// - Parameter alert: raise a `plan-proposed` alert for the coordinators with it.
    public func store(
        _ proposal: PlanProposal,
        elapsedMilliseconds: Int,
        alert: Bool = false,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> PlanRecord {
        let instance = String(decoding: try proposal.instance.jsonData(), as: UTF8.self)
        return try await database.write(audit, idempotency: idempotency) { connection in
            try await connection.query(
                """
                UPDATE plan_proposals SET status = 'superseded', decided_by = \(audit.name), decided_at = now()
                WHERE week_start = \(proposal.monday) AND status = 'proposed'
                """
            )
            let id = try await connection.query(
                """
                INSERT INTO plan_proposals (week_start, proposed_by, seed, work, stopped_by_deadline, elapsed_ms,
                                            objective, candidate_pairs, iterations)
                VALUES (\(proposal.monday), \(audit.name), \(Int(Int64(bitPattern: proposal.seed))), \(proposal.work),
                        \(proposal.stoppedByDeadline), \(elapsedMilliseconds), \(proposal.objective),
                        \(proposal.candidatePairs), \(proposal.iterations))
                RETURNING id
                """
            ).value(Int.self)
            try await connection.query(
                "INSERT INTO plan_proposal_instances (proposal_id, instance) VALUES (\(id), \(instance))"
            )
            try await connection.query(
                """
                INSERT INTO plan_proposal_assignments (proposal_id, shift_id, participant_id, cross_sector)
                SELECT \(id), * FROM unnest(\(proposal.placements.map(\.shiftID))::bigint[],
                                            \(proposal.placements.map(\.participantID))::bigint[],
                                            \(proposal.placements.map { $0.crossSector ? "true" : "false" })::text[]::boolean[])
                """
            )
            try await connection.query(
                """
                INSERT INTO plan_proposal_refusals (proposal_id, shift_id, participant_id, reason)
                SELECT \(id), * FROM unnest(\(proposal.refusals.map(\.shiftID))::bigint[],
                                            \(proposal.refusals.map(\.participantID))::bigint[],
                                            \(proposal.refusals.map(\.reason))::text[])
                """
            )
            try await connection.query(
                """
                INSERT INTO plan_proposal_shifts (proposal_id, shift_id, open_places, proposed, eligible, reason)
                SELECT \(id), shift, open, proposed, eligible, nullif(reason, '')
                FROM unnest(\(proposal.shifts.map(\.shiftID))::bigint[], \(proposal.shifts.map(\.openPlaces))::integer[],
                            \(proposal.shifts.map(\.proposed))::integer[], \(proposal.shifts.map(\.eligible))::integer[],
                            \(proposal.shifts.map { $0.reason ?? "" })::text[])
                     AS line(shift, open, proposed, eligible, reason)
                """
            )
            try await connection.query(
                """
                INSERT INTO plan_proposal_people (proposal_id, participant_id, target_minutes, fixed_minutes,
                                                  proposed_minutes)
                SELECT \(id), * FROM unnest(\(proposal.people.map(\.participantID))::bigint[],
                                            \(proposal.people.map(\.targetMinutes))::integer[],
                                            \(proposal.people.map(\.fixedMinutes))::integer[],
                                            \(proposal.people.map(\.proposedMinutes))::integer[])
                """
            )
            let record = try await PlanRecordLoader(connection: connection, timeZone: timeZone).record(id: id)
            if alert { try await AlertRepository.raise([.planProposed(record)], on: connection) }
            return record
        }
    }

    /// Proposals, newest first, of one week or of every week.
    public func list(week monday: LocalDate?) async throws -> [PlanRecord] {
        try await database.read { connection in
            try await PlanRecordLoader(connection: connection, timeZone: timeZone).summaries(
                where: .allOf([monday.map { "proposal.week_start = \($0)" }])
            )
        }
    }

    /// A proposal with its placements, shifts, people and refusals.
    public func record(id: Int) async throws -> PlanRecord {
        try await database.read { connection in
            try await PlanRecordLoader(connection: connection, timeZone: timeZone).record(id: id)
        }
    }

    /// Whether the week has had a proposal (of any status): the leader's job then leaves it be.
    public func hasProposal(week monday: LocalDate) async throws -> Bool {
        try await database.read { connection in
            try await connection.query(
                "SELECT EXISTS (SELECT 1 FROM plan_proposals WHERE week_start = \(monday))"
            ).value(Bool.self)
        }
    }

    /// The `chantier-plan/1` instance the proposal was made from.
    public func instance(id: Int) async throws -> String {
        try await database.read { connection in
            guard
                let row = try await connection.query(
                    "SELECT instance FROM plan_proposal_instances WHERE proposal_id = \(id)"
                ).firstRow
            else { throw PlanRecordLoader.notFound(id) }
            return try row.decode(String.self, column: 0)
        }
    }

    /// Discards a proposal waiting for a decision; nothing else changes.
    public func discard(id: Int, audit: AuditContext, idempotency: IdempotencyClaim? = nil) async throws -> PlanRecord {
        try await database.write(audit, idempotency: idempotency) { connection in
            try await Self.decide(id: id, as: .discarded, by: audit.name, on: connection)
            return try await PlanRecordLoader(connection: connection, timeZone: timeZone).record(id: id)
        }
    }

    /// Marks a waiting proposal decided, or says why it cannot be.
    static func decide(id: Int, as status: PlanRecord.Status, by name: String, on connection: PQConnection) async throws
    {
        guard
            let row = try await connection.query(
                "SELECT status FROM plan_proposals WHERE id = \(id) FOR UPDATE"
            ).firstRow
        else { throw PlanRecordLoader.notFound(id) }
        let current = try row.decode(String.self, column: 0)
        guard current == PlanRecord.Status.proposed.rawValue else {
            throw StorageError(
                code: .conflict,
                message: "proposal \(id) is \(current), not waiting for a decision; chantierctl plan propose makes "
                    + "a new one"
            )
        }
        try await connection.query(
            """
            UPDATE plan_proposals SET status = \(status.rawValue), decided_by = \(name), decided_at = now()
            WHERE id = \(id)
            """
        )
    }
}
