public import Foundation

/// A stored proposal, as coordinators review it: how it was made, what it proposes, and why
/// places stay open.
public struct PlanRecord: Sendable {
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Waiting for a coordinator.
        case proposed
        case committed, discarded
        /// Replaced by a newer proposal for the same week.
        case superseded
    }

    public struct Placement: Hashable, Sendable {
        public var participantID: Int
        public var participantName: String
        public var shift: ShiftInfo
        public var crossSector: Bool

        public init(participantID: Int, participantName: String, shift: ShiftInfo, crossSector: Bool) {
            self.participantID = participantID
            self.participantName = participantName
            self.shift = shift
            self.crossSector = crossSector
        }
    }

    /// What a line shows of a shift.
    public struct ShiftInfo: Hashable, Sendable {
        public var id: Int
        public var title: String
        public var siteCode: String
        public var start: LocalDateTime
        public var end: LocalDateTime

        public init(id: Int, title: String, siteCode: String, start: LocalDateTime, end: LocalDateTime) {
            self.id = id
            self.title = title
            self.siteCode = siteCode
            self.start = start
            self.end = end
        }
    }

    public struct ShiftLine: Hashable, Sendable {
        public var shift: ShiftInfo
        public var openPlaces: Int
        public var proposed: Int
        public var eligible: Int
        public var reason: String?

        public init(shift: ShiftInfo, openPlaces: Int, proposed: Int, eligible: Int, reason: String?) {
            self.shift = shift
            self.openPlaces = openPlaces
            self.proposed = proposed
            self.eligible = eligible
            self.reason = reason
        }
    }

    public struct PersonLine: Hashable, Sendable {
        public var participantID: Int
        public var participantName: String
        public var targetMinutes: Int
        public var fixedMinutes: Int
        public var proposedMinutes: Int

        public init(
            participantID: Int,
            participantName: String,
            targetMinutes: Int,
            fixedMinutes: Int,
            proposedMinutes: Int
        ) {
            self.participantID = participantID
            self.participantName = participantName
            self.targetMinutes = targetMinutes
            self.fixedMinutes = fixedMinutes
            self.proposedMinutes = proposedMinutes
        }

        public var belowTarget: Bool { fixedMinutes + proposedMinutes < targetMinutes }
    }

    public struct Refusal: Hashable, Sendable {
        public var participantID: Int
        public var participantName: String
        public var shift: ShiftInfo
        public var reason: String

        public init(participantID: Int, participantName: String, shift: ShiftInfo, reason: String) {
            self.participantID = participantID
            self.participantName = participantName
            self.shift = shift
            self.reason = reason
        }
    }

    public var id: Int
    public var monday: LocalDate
    public var status: Status
    public var proposedBy: String
    public var proposedAt: LocalDateTime
    public var decidedBy: String?
    public var decidedAt: LocalDateTime?
    public var seed: UInt64
    public var work: Int
    public var stoppedByDeadline: Bool
    public var elapsedMilliseconds: Int
    public var objective: Decimal
    public var candidatePairs: Int
    public var iterations: Int
    public var placements: [Placement]
    public var shifts: [ShiftLine]
    public var people: [PersonLine]
    public var refusals: [Refusal]

    public init(
        id: Int,
        monday: LocalDate,
        status: Status,
        proposedBy: String,
        proposedAt: LocalDateTime,
        decidedBy: String?,
        decidedAt: LocalDateTime?,
        seed: UInt64,
        work: Int,
        stoppedByDeadline: Bool,
        elapsedMilliseconds: Int,
        objective: Decimal,
        candidatePairs: Int,
        iterations: Int,
        placements: [Placement] = [],
        shifts: [ShiftLine] = [],
        people: [PersonLine] = [],
        refusals: [Refusal] = []
    ) {
        self.id = id
        self.monday = monday
        self.status = status
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.seed = seed
        self.work = work
        self.stoppedByDeadline = stoppedByDeadline
        self.elapsedMilliseconds = elapsedMilliseconds
        self.objective = objective
        self.candidatePairs = candidatePairs
        self.iterations = iterations
        self.placements = placements
        self.shifts = shifts
        self.people = people
        self.refusals = refusals
    }
}

/// One proposed placement against the roster as it is now.
public struct PlanDiffLine: Hashable, Sendable {
    public enum Change: String, Hashable, Sendable, CaseIterable {
        /// Commit would add it.
        case add
        /// Already on the roster (someone assigned it meanwhile).
        case alreadyAssigned = "already-assigned"
        /// No longer possible as is: commit refuses it (the reason says why).
        case conflict
    }

    public var change: Change
    public var placement: PlanRecord.Placement
    public var reason: String?

    public init(change: Change, placement: PlanRecord.Placement, reason: String? = nil) {
        self.change = change
        self.placement = placement
        self.reason = reason
    }
}

/// A commit refused because placements of the proposal are no longer lawful or possible: nothing
/// was committed.
public struct PlanCommitRefused: Error, Hashable, Sendable, CustomStringConvertible {
    public var proposalID: Int
    public var conflicts: [PlanDiffLine]

    public init(proposalID: Int, conflicts: [PlanDiffLine]) {
        self.proposalID = proposalID
        self.conflicts = conflicts
    }

    public var description: String {
        "\(conflicts.count) placement(s) of proposal \(proposalID) are no longer possible, so nothing was committed; "
            + "commit the rest with --skip-refused, or make a new proposal with chantierctl plan propose"
    }

    /// `Name on shift 12 (2026-11-23T09:00): reason`, one per conflict.
    public var problems: [String] {
        conflicts.map {
            "\($0.placement.participantName) on shift \($0.placement.shift.id) (\($0.placement.shift.start)): "
                + ($0.reason ?? "refused")
        }
    }
}
