import ChantierCore
import ChantierPQ
import Foundation

/// Reads stored proposals, with local times in the organisation's time zone.
struct PlanRecordLoader {
    let connection: PQConnection
    let timeZone: String

    static func notFound(_ id: Int) -> StorageError {
        StorageError(code: .notFound, message: "there is no proposal \(id); chantierctl plan list shows them")
    }

    /// Proposals matching `condition` (on `proposal`), newest first, without their lines.
    func summaries(where condition: PQQuery) async throws -> [PlanRecord] {
        try await connection.query(
            """
            SELECT proposal.id, proposal.week_start, proposal.status, proposal.proposed_by,
                   to_char(proposal.proposed_at AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'),
                   proposal.decided_by, to_char(proposal.decided_at AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'),
                   proposal.seed, proposal.work, proposal.stopped_by_deadline, proposal.elapsed_ms,
                   proposal.objective, proposal.candidate_pairs, proposal.iterations
            FROM plan_proposals proposal
            WHERE \(condition)
            ORDER BY proposal.id DESC
            """
        ).map { row in
            let (id, monday, status, by, at, decidedBy, decidedAt) = try row.decode(
                Int.self,
                LocalDate.self,
                String.self,
                String.self,
                LocalDateTime.self,
                String?.self,
                LocalDateTime?.self
            )
            return PlanRecord(
                id: id,
                monday: monday,
                status: PlanRecord.Status(rawValue: status) ?? .discarded,
                proposedBy: by,
                proposedAt: at,
                decidedBy: decidedBy,
                decidedAt: decidedAt,
                seed: UInt64(bitPattern: Int64(try row.decode(Int.self, column: 7))),
                work: try row.decode(Int.self, column: 8),
                stoppedByDeadline: try row.decode(Bool.self, column: 9),
                elapsedMilliseconds: try row.decode(Int.self, column: 10),
                objective: try row.decode(Decimal.self, column: 11),
                candidatePairs: try row.decode(Int.self, column: 12),
                iterations: try row.decode(Int.self, column: 13)
            )
        }
    }

    /// One proposal with every line.
    func record(id: Int) async throws -> PlanRecord {
        guard var record = try await summaries(where: "proposal.id = \(id)").first else { throw Self.notFound(id) }
        record.placements = try await connection.query(
            """
            SELECT line.participant_id, \(Self.name), line.cross_sector, \(shiftColumns)
            FROM plan_proposal_assignments line
            JOIN participants participant ON participant.id = line.participant_id
            \(shiftJoin)
            WHERE line.proposal_id = \(id)
            ORDER BY lower(shift.during), shift.id, \(Self.name)
            """
        ).map { row in
            PlanRecord.Placement(
                participantID: try row.decode(Int.self, column: 0),
                participantName: try row.decode(String.self, column: 1),
                shift: try Self.shift(row, from: 3),
                crossSector: try row.decode(Bool.self, column: 2)
            )
        }
        record.refusals = try await connection.query(
            """
            SELECT line.participant_id, \(Self.name), line.reason, \(shiftColumns)
            FROM plan_proposal_refusals line
            JOIN participants participant ON participant.id = line.participant_id
            \(shiftJoin)
            WHERE line.proposal_id = \(id)
            ORDER BY lower(shift.during), shift.id
            """
        ).map { row in
            PlanRecord.Refusal(
                participantID: try row.decode(Int.self, column: 0),
                participantName: try row.decode(String.self, column: 1),
                shift: try Self.shift(row, from: 3),
                reason: try row.decode(String.self, column: 2)
            )
        }
        record.shifts = try await connection.query(
            """
            SELECT line.open_places, line.proposed, line.eligible, line.reason, \(shiftColumns)
            FROM plan_proposal_shifts line
            \(shiftJoin)
            WHERE line.proposal_id = \(id)
            ORDER BY lower(shift.during), shift.id
            """
        ).map { row in
            PlanRecord.ShiftLine(
                shift: try Self.shift(row, from: 4),
                openPlaces: try row.decode(Int.self, column: 0),
                proposed: try row.decode(Int.self, column: 1),
                eligible: try row.decode(Int.self, column: 2),
                reason: try row.decode(String?.self, column: 3)
            )
        }
        record.people = try await connection.query(
            """
            SELECT line.participant_id, \(Self.name), line.target_minutes, line.fixed_minutes, line.proposed_minutes
            FROM plan_proposal_people line
            JOIN participants participant ON participant.id = line.participant_id
            WHERE line.proposal_id = \(id)
            ORDER BY participant.family_name, participant.given_name, participant.id
            """
        ).map { row in
            let (participant, name, target, fixed, proposed) = try row.decode(
                Int.self,
                String.self,
                Int.self,
                Int.self,
                Int.self
            )
            return PlanRecord.PersonLine(
                participantID: participant,
                participantName: name,
                targetMinutes: target,
                fixedMinutes: fixed,
                proposedMinutes: proposed
            )
        }
        return record
    }

    private static let name: PQQuery = "participant.given_name || ' ' || participant.family_name"

    private var shiftColumns: PQQuery {
        """
        shift.id, coalesce(work_order.title, task.name), site.code,
        to_char(lower(shift.during) AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI'),
        to_char(upper(shift.during) AT TIME ZONE \(timeZone), 'YYYY-MM-DD"T"HH24:MI')
        """
    }

    private let shiftJoin: PQQuery = """
        JOIN shifts shift ON shift.id = line.shift_id
        JOIN sites site ON site.id = shift.site_id
        JOIN task_kinds task ON task.id = shift.task_kind_id
        LEFT JOIN work_orders work_order ON work_order.id = shift.work_order_id
        """

    static func shift(_ row: PQRow, from column: Int) throws -> PlanRecord.ShiftInfo {
        PlanRecord.ShiftInfo(
            id: try row.decode(Int.self, column: column),
            title: try row.decode(String.self, column: column + 1),
            siteCode: try row.decode(String.self, column: column + 2),
            start: try row.decode(LocalDateTime.self, column: column + 3),
            end: try row.decode(LocalDateTime.self, column: column + 4)
        )
    }
}
