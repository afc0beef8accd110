/// A plan being improved: who is on which shift, with each person's minutes per day, Monday to
/// Friday and week, kept up to date so that every move is checked and valued in constant time
/// (plus the person's own few shifts).
struct PlanState {
    let problem: PlanProblem
    /// Each person's shifts, by start.
    private(set) var shiftsOf: [[Int32]]
    /// Each shift's people.
    private(set) var peopleOn: [[Int32]]
    private var usedDay: [Int]
    private var usedWeekdays: [Int]
    private var usedWeek: [Int]
    /// The objective × 60 × scale.
    private(set) var objective: Int
    /// Every change, so that a trial can be undone.
    private var journal: [(add: Bool, person: Int32, job: Int32)] = []

    init(_ problem: PlanProblem) {
        self.problem = problem
        shiftsOf = Array(repeating: [], count: problem.people.count)
        peopleOn = Array(repeating: [], count: problem.jobs.count)
        usedDay = Array(repeating: 0, count: problem.people.count * 7)
        usedWeekdays = Array(repeating: 0, count: problem.people.count)
        usedWeek = Array(repeating: 0, count: problem.people.count)
        objective = -problem.shortfallPerMinute * problem.people.reduce(0) { $0 + max(0, $1.belowTarget) }
    }

    func isFull(_ job: Int) -> Bool { peopleOn[job].count >= problem.jobs[job].demand }

    func holds(_ person: Int, _ job: Int) -> Bool { peopleOn[job].contains(Int32(person)) }

    /// Whether `person` could take `job` as things are: its time is free and their caps hold.
    func fits(_ person: Int, _ job: Int) -> Bool {
        let shift = problem.jobs[job]
        let room = problem.people[person]
        let minutes = shift.minutes
        guard usedWeek[person] + minutes <= room.weekRoom,
            usedDay[person * 7 + shift.day] + minutes <= room.dayRoom[shift.day],
            shift.day >= 5 || usedWeekdays[person] + minutes <= room.weekdayRoom
        else { return false }
        for other in shiftsOf[person] {
            let o = problem.jobs[Int(other)]
            if o.start >= shift.end { break }
            if shift.start < o.end { return false }
        }
        return true
    }

    /// The person's shifts that overlap `job`.
    func conflicts(_ person: Int, _ job: Int) -> [Int32] {
        let shift = problem.jobs[job]
        return shiftsOf[person].filter { other in
            let o = problem.jobs[Int(other)]
            return o.start < shift.end && shift.start < o.end
        }
    }

    /// Shortfall minutes of `person` with `extra` more minutes assigned.
    private func shortfall(_ person: Int, extra: Int) -> Int {
        max(0, problem.people[person].belowTarget - usedWeek[person] - extra)
    }

    /// What the objective gains when `person` takes `job`.
    func gainOfAdding(_ person: Int, _ job: Int) -> Int {
        problem.value(person, job) + problem.shortfallPerMinute
            * (shortfall(person, extra: 0) - shortfall(person, extra: problem.jobs[job].minutes))
    }

    /// What the objective loses when `person` leaves `job`.
    func lossOfRemoving(_ person: Int, _ job: Int) -> Int {
        problem.value(person, job) + problem.shortfallPerMinute
            * (shortfall(person, extra: -problem.jobs[job].minutes) - shortfall(person, extra: 0))
    }

    mutating func add(_ person: Int, _ job: Int) {
        objective += gainOfAdding(person, job)
        let shift = problem.jobs[job]
        var list = shiftsOf[person]
        let index = list.firstIndex { problem.jobs[Int($0)].start > shift.start } ?? list.count
        list.insert(Int32(job), at: index)
        shiftsOf[person] = list
        peopleOn[job].append(Int32(person))
        usedDay[person * 7 + shift.day] += shift.minutes
        usedWeek[person] += shift.minutes
        if shift.day < 5 { usedWeekdays[person] += shift.minutes }
        journal.append((true, Int32(person), Int32(job)))
    }

    mutating func remove(_ person: Int, _ job: Int) {
        objective -= lossOfRemoving(person, job)
        let shift = problem.jobs[job]
        shiftsOf[person].removeAll { $0 == Int32(job) }
        peopleOn[job].removeAll { $0 == Int32(person) }
        usedDay[person * 7 + shift.day] -= shift.minutes
        usedWeek[person] -= shift.minutes
        if shift.day < 5 { usedWeekdays[person] -= shift.minutes }
        journal.append((false, Int32(person), Int32(job)))
    }

    /// A point to undo to.
    var mark: Int { journal.count }

    /// Undoes every change since `mark`.
    mutating func undo(to mark: Int) {
        while journal.count > mark {
            let change = journal.removeLast()
            if change.add {
                remove(Int(change.person), Int(change.job))
            } else {
                add(Int(change.person), Int(change.job))
            }
            journal.removeLast()
        }
    }

    /// Forgets the journal (the changes are kept).
    mutating func commit() { journal.removeAll(keepingCapacity: true) }

    /// Every (person, shift) pair of the plan.
    var pairs: [(person: Int, job: Int)] {
        shiftsOf.enumerated().flatMap { person, jobs in jobs.map { (person, Int($0)) } }
    }
}
