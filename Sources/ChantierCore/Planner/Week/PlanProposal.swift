public import Foundation

/// A proposed plan for a week, before it is stored: who would take which shift, what the rules
/// refused once the whole plan was known, and the review a coordinator reads.
public struct PlanProposal: Sendable {
    public struct Placement: Hashable, Sendable {
        public var participantID: Int
        public var shiftID: Int
        /// The shift is out of the participant's home sector.
        public var crossSector: Bool
    }

    /// A placement the planner made that the rules refused once the person's other proposed
    /// shifts were counted (a rest period, a rolling week): it is not proposed.
    public struct Refusal: Hashable, Sendable {
        public var participantID: Int
        public var shiftID: Int
        public var reason: String
    }

    public struct ShiftLine: Hashable, Sendable {
        public var shiftID: Int
        public var openPlaces: Int
        public var proposed: Int
        /// How many people may take it on its own.
        public var eligible: Int
        /// Why places stay open; `nil` when the plan fills them.
        public var reason: String?
    }

    public struct PersonLine: Hashable, Sendable {
        public var participantID: Int
        public var targetMinutes: Int
        /// Work already fixed in the week (confirmed assignments, hours logged).
        public var fixedMinutes: Int
        public var proposedMinutes: Int

        public var belowTarget: Bool { fixedMinutes + proposedMinutes < targetMinutes }
    }

    public var monday: LocalDate
    public var placements: [Placement]
    public var refusals: [Refusal]
    public var shifts: [ShiftLine]
    public var people: [PersonLine]
    /// The planner's objective on the instance (`chantier-plan/1` §5), before any refusal.
    public var objective: Decimal
    public var candidatePairs: Int
    public var iterations: Int
    public var stoppedByDeadline: Bool
    public var seed: UInt64
    public var work: Int
    public var instance: PlanInstance
}

extension PlanWeek {
    /// Plans the week: compiles it, runs the planner with `work` candidate evaluations at most
    /// (and the deadline, if any), then checks every placement again, person by person in time
    /// order, with their earlier proposed shifts counted as work, exactly as `plan commit` will;
    /// what the rules refuse then is dropped and reported, never proposed.
    public func propose(work: Int, seed: UInt64, deadline: ContinuousClock.Instant? = nil) -> PlanProposal {
        let compiled = compile()
        let jobs = plannable
        let plan = Planner.plan(compiled.instance, work: work, seed: seed, deadline: deadline)
        let jobIndex = Dictionary(uniqueKeysWithValues: jobs.enumerated().map { ("\($1.shift.id)", $0) })
        let personIndex = Dictionary(uniqueKeysWithValues: people.enumerated().map { ("\($1.participant.id)", $0) })
        var planned: [Int: [Int]] = [:]
        for pair in plan.assignments {
            guard let person = personIndex[pair.participant], let job = jobIndex[pair.shift] else { continue }
            planned[person, default: []].append(job)
        }
        var placements: [PlanProposal.Placement] = []
        var refusals: [PlanProposal.Refusal] = []
        var proposedByJob = [Int](repeating: 0, count: jobs.count)
        var proposedMinutes: [Int: Int] = [:]
        for (person, jobList) in planned.sorted(by: { $0.key < $1.key }) {
            let someone = people[person]
            var existing = someone.existing
            for job in jobList.sorted(by: { jobs[$0].shift.start < jobs[$1].shift.start }) {
                let shift = jobs[job].shift
                let check = AssignmentCheck(someone.question(jobs[job], existing: existing))
                guard check.allowed else {
                    refusals.append(
                        .init(
                            participantID: someone.participant.id,
                            shiftID: shift.id,
                            reason: check.problems.map(\.description).joined(separator: "; ")
                        )
                    )
                    continue
                }
                existing.append(shift.interval)
                proposedByJob[job] += 1
                proposedMinutes[person, default: 0] += shift.minutes
                placements.append(
                    .init(
                        participantID: someone.participant.id,
                        shiftID: shift.id,
                        crossSector: someone.participant.profile.sectorCode != shift.sectorCode
                    )
                )
            }
        }
        return PlanProposal(
            monday: monday,
            placements: placements,
            refusals: refusals,
            shifts: jobs.indices.map { index in
                let job = jobs[index]
                return PlanProposal.ShiftLine(
                    shiftID: job.shift.id,
                    openPlaces: job.openPlaces,
                    proposed: proposedByJob[index],
                    eligible: compiled.eligible[index].count,
                    reason: proposedByJob[index] >= job.openPlaces
                        ? nil
                        : Self.reason(eligible: compiled.eligible[index].count, refusals: compiled.refusals[index])
                )
            },
            people: people.indices.map { index in
                let participant = compiled.instance.participants[index]
                return PlanProposal.PersonLine(
                    participantID: people[index].participant.id,
                    targetMinutes: participant.targetMinutes,
                    fixedMinutes: participant.fixed.reduce(0) { $0 + $1.end - $1.start },
                    proposedMinutes: proposedMinutes[index] ?? 0
                )
            },
            objective: plan.objective,
            candidatePairs: plan.candidatePairs,
            iterations: plan.iterations,
            stoppedByDeadline: plan.stoppedByDeadline,
            seed: seed,
            work: work,
            instance: compiled.instance
        )
    }

    /// Why a shift keeps open places: nobody may take it (the commonest reasons first), or those
    /// who may are busy elsewhere or at their limits.
    static func reason(eligible: Int, refusals: [String: Int]) -> String {
        guard eligible == 0 else {
            return eligible == 1
                ? "the only person who may take it is on another shift or at a limit"
                : "the \(eligible) people who may take it are on other shifts or at their limits"
        }
        guard !refusals.isEmpty else { return "nobody may take it: no participant is enrolled that week" }
        let counted = refusals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(4)
        return "nobody may take it: " + counted.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }
}
