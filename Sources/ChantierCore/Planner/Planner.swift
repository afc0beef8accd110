public import Foundation

/// The weekly planner: a pure function of an instance, a time budget and a seed. A constructive
/// pass takes each shift in priority order and gives it the people who add the most; then a local
/// search repeatedly fills shifts short of people (moving a person's conflicting shifts to others
/// when that gains), hands shifts to people further below their target or in their own sector,
/// and ruins and rebuilds small parts of the plan, keeping the best plan seen. Every move is
/// checked against every hard constraint of `chantier-plan/1`, so no plan it returns is infeasible.
public enum Planner {
    public struct Plan: Sendable {
        /// (participant id, shift id) pairs.
        public var assignments: [(participant: String, shift: String)]
        /// The objective × 60 × `scale` (an integer), and the scale.
        public var scaledObjective: Int
        public var scale: Int
        public var candidatePairs: Int
        public var iterations: Int
        /// The wall-clock limit ended the search before its iterations: another run may differ.
        public var stoppedByDeadline: Bool

        /// The objective, exact.
        public var objective: Decimal { Decimal(scaledObjective) / Decimal(60 * scale) }
    }

    /// Candidate evaluations per second of budget, about what a release build runs on one core
    /// here. The budget is counted in this work, so that a seed gives the same plan on every
    /// machine; the budget in seconds is also a wall-clock limit, which on slow machines (or debug
    /// builds) ends the search first (the plan is then still valid, but may differ from run to run).
    public static let workPerSecond = 40_000_000

    public static func plan(_ instance: PlanInstance, seconds: Double, seed: UInt64) -> Plan {
        plan(
            instance,
            work: Int(max(0, seconds) * Double(workPerSecond)),
            seed: seed,
            deadline: .now + .milliseconds(Int(max(0, seconds) * 1000))
        )
    }

    /// A plan after at most `work` candidate evaluations of local search: the same for the same
    /// seed, unless the deadline cuts the search short.
    public static func plan(
        _ instance: PlanInstance,
        work budget: Int,
        seed: UInt64,
        deadline: ContinuousClock.Instant? = nil
    ) -> Plan {
        let problem = PlanProblem(instance)
        var search = Search(problem: problem, seed: seed)
        search.construct()
        let iterations = search.improve(work: budget, deadline: deadline)
        let best = search.best
        return Plan(
            assignments: best.map { (instance.participants[$0.person].id, instance.shifts[$0.job].id) },
            scaledObjective: search.bestObjective,
            scale: problem.scale,
            candidatePairs: problem.pairCount,
            iterations: iterations,
            stoppedByDeadline: search.stoppedByDeadline
        )
    }
}
