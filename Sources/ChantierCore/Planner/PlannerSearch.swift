import Foundation

/// The planner's construction and local search over a ``PlanState``.
struct Search {
    var state: PlanState
    var random: SeededGenerator
    private(set) var best: [(person: Int, job: Int)] = []
    private(set) var bestObjective: Int
    /// Candidate evaluations so far: the unit of the search's budget, about equally costly on
    /// weeks of every size.
    private(set) var work = 0
    /// The wall-clock limit ended the search before its budget.
    private(set) var stoppedByDeadline = false
    static let sampleSize = 48
    /// Construction is over: moves sample candidates.
    private var searching = false
    /// Shifts with at least one candidate: the only ones worth visiting.
    private let reachable: [Int]

    init(problem: PlanProblem, seed: UInt64) {
        state = PlanState(problem)
        random = SeededGenerator(seed: seed)
        bestObjective = state.objective
        reachable = problem.jobs.indices.filter { !problem.jobs[$0].candidates.isEmpty }
    }

    private var problem: PlanProblem { state.problem }

    /// Gives each shift, by priority then start, the people who add the most, until it is full.
    mutating func construct() {
        let order = reachable.sorted {
            (-problem.jobs[$0].priority, problem.jobs[$0].start, $0) < (
                -problem.jobs[$1].priority, problem.jobs[$1].start, $1
            )
        }
        for job in order { fill(job) }
        state.commit()
        remember()
        searching = true
    }

    /// Adds the best fitting people to `job` while it has room and they gain.
    private mutating func fill(_ job: Int) {
        while !state.isFull(job), let person = bestFitting(job) { state.add(person, job) }
    }

    /// The candidate who fits `job` and gains the most by taking it, if any gains. Once the plan
    /// is built, a shift with many candidates is searched from a random point for at most
    /// ``sampleSize`` of them, which keeps moves cheap on large weeks.
    private mutating func bestFitting(_ job: Int, excluding: Int? = nil) -> Int? {
        var best: (person: Int, gain: Int)?
        let candidates = problem.jobs[job].candidates
        let count = searching ? min(candidates.count, Self.sampleSize) : candidates.count
        let offset = count < candidates.count ? Int.random(in: 0..<candidates.count, using: &random) : 0
        work += count + 1
        for step in 0..<count {
            let person = Int(candidates[(offset + step) % candidates.count])
            guard person != excluding, !state.holds(person, job), state.fits(person, job) else { continue }
            let gain = state.gainOfAdding(person, job)
            if gain > 0, gain > best?.gain ?? 0 { best = (person, gain) }
        }
        return best?.person
    }

    private mutating func remember() {
        guard state.objective > bestObjective || best.isEmpty else { return }
        bestObjective = state.objective
        best = state.pairs
    }

    /// Runs moves until `budget` candidate evaluations or the deadline; returns the moves run.
    mutating func improve(work budget: Int, deadline: ContinuousClock.Instant?) -> Int {
        guard !reachable.isEmpty else { return 0 }
        // A third of the value of a person on a priority-1 shift.
        let startTemperature = Double(problem.coverage) / 3
        let started = ContinuousClock.now
        var clockProgress = 0.0
        var iteration = 0
        work = 0
        while work < budget {
            if iteration & 255 == 0, let deadline {
                let now = ContinuousClock.now
                if now >= deadline {
                    stoppedByDeadline = true
                    break
                }
                clockProgress = (now - started) / (deadline - started)
            }
            iteration += 1
            let job = reachable[Int.random(in: 0..<reachable.count, using: &random)]
            let before = state.objective
            let mark = state.mark
            switch Int.random(in: 0..<16, using: &random) {
            case 0: ruinAndRebuild(around: job)
            case 1...7: if state.isFull(job) { handOver(job) } else { eject(into: job) }
            default: handOver(job)
            }
            // Equal plans are accepted, so that the search walks across plateaus; worse ones now
            // and then, less and less often (simulated annealing), to leave local optima.
            let loss = before - state.objective
            if loss > 0 {
                // Cool down by the work done, or by the clock once it is clearly running out
                // first (a run the work ends stays independent of the clock, hence repeatable).
                let workProgress = Double(work) / Double(max(1, budget))
                let progress = clockProgress > workProgress + 0.1 ? clockProgress : workProgress
                let temperature = startTemperature * (1 - progress) * (1 - progress)
                if temperature <= 0 || Double.random(in: 0..<1, using: &random) >= exp(-Double(loss) / temperature) {
                    state.undo(to: mark)
                }
            }
            state.commit()
            remember()
        }
        return iteration
    }

    /// A candidate who does not fit `job` takes it all the same, leaving the shifts in the way to
    /// others where possible.
    private mutating func eject(into job: Int, excluding: Int? = nil) {
        if let person = bestFitting(job, excluding: excluding) {
            state.add(person, job)
            return
        }
        let candidates = problem.jobs[job].candidates
        let person = Int(candidates[Int.random(in: 0..<candidates.count, using: &random)])
        guard person != excluding, !state.holds(person, job) else { return }
        var freed: [Int] = []
        for other in state.conflicts(person, job) {
            state.remove(person, Int(other))
            freed.append(Int(other))
        }
        // Caps: let go of the person's shifts that cost least until the new one fits.
        while !state.fits(person, job) {
            let day = problem.jobs[job].day
            let mine = state.shiftsOf[person].map(Int.init)
            let sameDay = mine.filter { problem.jobs[$0].day == day }
            let pool = sameDay.isEmpty ? mine : sameDay
            guard let cheapest = pool.min(by: { state.lossOfRemoving(person, $0) < state.lossOfRemoving(person, $1) })
            else { return }
            state.remove(person, cheapest)
            freed.append(cheapest)
        }
        state.add(person, job)
        for other in freed { fill(other) }
    }

    /// One person on `job` hands it to another candidate (who may hand their conflicting shifts
    /// on), and then takes the best shift still short of people that they fit.
    private mutating func handOver(_ job: Int) {
        let members = state.peopleOn[job]
        guard !members.isEmpty else { return eject(into: job) }
        let leaving = Int(members[Int.random(in: 0..<members.count, using: &random)])
        state.remove(leaving, job)
        // Someone else takes the shift, moving their own conflicting shifts on (possibly to the
        // person leaving).
        eject(into: job, excluding: leaving)
        var best: (job: Int, gain: Int)?
        let options = problem.people[leaving].candidates
        let count = min(options.count, Self.sampleSize)
        let offset = count < options.count ? Int.random(in: 0..<options.count, using: &random) : 0
        work += count + 1
        for step in 0..<count {
            let other = Int(options[(offset + step) % options.count])
            guard other != job, !state.isFull(other), !state.holds(leaving, other), state.fits(leaving, other)
            else { continue }
            let gain = state.gainOfAdding(leaving, other)
            if gain > best?.gain ?? 0 { best = (other, gain) }
        }
        if let best { state.add(leaving, best.job) }
    }

    /// Empties `job` and a few shifts near it in time, then fills them again in a random order.
    private mutating func ruinAndRebuild(around job: Int) {
        let day = problem.jobs[job].day
        var ruined: [Int] = [job]
        for _ in 0..<3 {
            let other = reachable[Int.random(in: 0..<reachable.count, using: &random)]
            if problem.jobs[other].day == day && !ruined.contains(other) { ruined.append(other) }
        }
        var freed: Set<Int> = []
        for shift in ruined {
            for person in state.peopleOn[shift] {
                state.remove(Int(person), shift)
                freed.insert(Int(person))
            }
        }
        ruined.shuffle(using: &random)
        for shift in ruined { fill(shift) }
        for person in freed.sorted() {
            work += problem.people[person].candidates.count
            for candidate in problem.people[person].candidates {
                let other = Int(candidate)
                if !state.isFull(other), !state.holds(person, other), state.fits(person, other),
                    state.gainOfAdding(person, other) > 0
                {
                    state.add(person, other)
                }
            }
        }
    }
}
