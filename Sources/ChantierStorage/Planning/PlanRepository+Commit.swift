public import ChantierCore
import ChantierPQ

extension PlanRepository {
    /// What committing a proposal makes of its placements.
    public struct Commit: Sendable {
        public var record: PlanRecord
        public var lines: [PlanDiffLine]
    }

    /// Turns a waiting proposal into assignments (source `planner`), in one transaction: each
    /// placement, in time order, is checked now exactly as a manual assignment is. A placement
    /// already on the roster is left as it is. When one is refused (the rules, a cancellation, a
    /// full shift, a new overlap), nothing is committed and ``PlanCommitRefused`` lists them all,
    /// unless `skipRefused` commits the others.
    public func commit(
        id: Int,
        skipRefused: Bool,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Commit {
        try await database.write(audit, idempotency: idempotency) { connection in
            try await Self.decide(id: id, as: .committed, by: audit.name, on: connection)
            let lines = try await apply(id: id, on: connection)
            let conflicts = lines.filter { $0.change == .conflict }
            if !conflicts.isEmpty && !skipRefused { throw PlanCommitRefused(proposalID: id, conflicts: conflicts) }
            return Commit(
                record: try await PlanRecordLoader(connection: connection, timeZone: timeZone).record(id: id),
                lines: lines
            )
        }
    }

    /// What committing the proposal now would do, placement by placement: the commit itself, run
    /// and rolled back, so that the preview and the commit cannot disagree.
    public func diff(id: Int, audit: AuditContext) async throws -> [PlanDiffLine] {
        struct Preview: Error {
            var lines: [PlanDiffLine]
        }
        do {
            try await database.write(audit) { connection in
                throw Preview(lines: try await apply(id: id, on: connection))
            }
            return []
        } catch let preview as Preview {
            return preview.lines
        }
    }

    private func apply(id: Int, on connection: PQConnection) async throws -> [PlanDiffLine] {
        let record = try await PlanRecordLoader(connection: connection, timeZone: timeZone).record(id: id)
        let assignments = AssignmentRepository(database: database, timeZone: timeZone)
        var lines: [PlanDiffLine] = []
        for placement in record.placements {
            let held = try await connection.query(
                """
                SELECT EXISTS (SELECT 1 FROM assignments WHERE shift_id = \(placement.shift.id)
                                 AND participant_id = \(placement.participantID)
                                 AND status IN ('assigned', 'confirmed', 'completed', 'no_show'))
                """
            ).value(Bool.self)
            if held {
                lines.append(PlanDiffLine(change: .alreadyAssigned, placement: placement))
                continue
            }
            do {
                _ = try await assignments.place(
                    participantID: placement.participantID,
                    on: placement.shift.id,
                    source: .planner,
                    on: connection
                )
                lines.append(PlanDiffLine(change: .add, placement: placement))
            } catch let refused as AssignmentRefused {
                lines.append(
                    PlanDiffLine(
                        change: .conflict,
                        placement: placement,
                        reason: refused.check.problems.map(\.description).joined(separator: "; ")
                    )
                )
            }
        }
        return lines
    }
}
