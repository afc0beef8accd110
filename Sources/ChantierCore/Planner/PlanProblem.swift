import Foundation

/// An instance compiled for solving: integer objective terms, remaining capacities, and the
/// statically feasible (participant, shift) pairs only — memory grows with those pairs, not with
/// participants × shifts.
struct PlanProblem: Sendable {
    /// A cap that does not exist.
    static let unlimited = Int.max / 4

    struct Person: Sendable {
        /// Minutes still allowed on each day (0 is Monday), Monday to Friday, and in the week,
        /// once the fixed time is counted.
        var dayRoom: [Int]
        var weekdayRoom: Int
        var weekRoom: Int
        /// Target minus fixed minutes: the shortfall before anything is assigned, when positive.
        var belowTarget: Int
        var sectorIndex: Int
        /// Candidate shifts, by start.
        var candidates: [Int32]
    }

    struct Job: Sendable {
        var start: Int
        var end: Int
        var day: Int
        var demand: Int
        var priority: Int
        var sectorIndex: Int
        var candidates: [Int32]
        var minutes: Int { end - start }
    }

    var people: [Person]
    var jobs: [Job]
    /// The objective times 60 × `scale`, in integers: per priority unit of coverage, per minute of
    /// shortfall, per assignment out of the participant's sector.
    var coverage: Int
    var shortfallPerMinute: Int
    var crossSector: Int
    /// The power of ten that makes every weight an integer.
    var scale: Int

    var pairCount: Int { people.reduce(0) { $0 + $1.candidates.count } }

    init(_ instance: PlanInstance) {
        var sectors: [String: Int] = [:]
        func sector(_ name: String) -> Int {
            if let index = sectors[name] { return index }
            sectors[name] = sectors.count
            return sectors.count - 1
        }
        let weights = instance.weights
        let scale =
            [weights.coverage, weights.shortfallPerHour, weights.crossSector].map(Self.decimalPlaces).max() ?? 0
        let power = Decimal(sign: .plus, exponent: scale, significand: 1)
        self.scale = NSDecimalNumber(decimal: power).intValue
        coverage = NSDecimalNumber(decimal: weights.coverage * 60 * power).intValue
        shortfallPerMinute = NSDecimalNumber(decimal: weights.shortfallPerHour * power).intValue
        crossSector = NSDecimalNumber(decimal: weights.crossSector * 60 * power).intValue

        let order = instance.shifts.indices.sorted {
            (instance.shifts[$0].interval.start, $0) < (instance.shifts[$1].interval.start, $1)
        }
        jobs = instance.shifts.map { shift in
            Job(
                start: shift.interval.start,
                end: shift.interval.end,
                day: shift.day,
                demand: shift.demand,
                priority: shift.priority,
                sectorIndex: sector(shift.sector),
                candidates: []
            )
        }
        let starts = order.map { instance.shifts[$0].interval.start }
        var seen = [Int](repeating: -1, count: order.count)
        people = []
        for participant in instance.participants {
            let fixedDay = PlanInstance.minutesByDay(participant.fixed)
            let fixedWeek = fixedDay.reduce(0, +)
            let fixedWeekdays = fixedDay[0..<5].reduce(0, +)
            let dayRoom = (0..<7).map { day in
                participant.dayMaxMinutes[day].map { max(0, $0 - fixedDay[day]) } ?? Self.unlimited
            }
            let weekRoom = max(0, participant.weekMaxMinutes - fixedWeek)
            let weekdayRoom = participant.weekdayMaxMinutes.map { max(0, $0 - fixedWeekdays) } ?? Self.unlimited
            let ages = (0..<7).map { Self.age(born: participant.birthDate, on: instance.weekStart.adding(days: $0)) }
            // Only the shifts starting inside an availability interval can fit: found by binary
            // search among the shifts by start, then checked one by one, in start order.
            var positions: [Int] = []
            for window in participant.availability {
                var position = Self.firstIndex(in: starts, notBefore: window.start)
                while position < starts.count, starts[position] < window.end {
                    if instance.shifts[order[position]].interval.end <= window.end, seen[position] != people.count {
                        seen[position] = people.count
                        positions.append(position)
                    }
                    position += 1
                }
            }
            positions.sort()
            var candidates: [Int32] = []
            for position in positions {
                let index = order[position]
                let shift = instance.shifts[index]
                let minutes = shift.minutes
                guard minutes <= weekRoom, minutes <= dayRoom[shift.day], shift.day >= 5 || minutes <= weekdayRoom,
                    ages[shift.day] >= shift.minimumAge, shift.skills.isSubset(of: participant.skills),
                    participant.allowed?.contains(where: { $0.contains(shift.interval) }) ?? true,
                    !participant.fixed.contains(where: { $0.overlaps(shift.interval) })
                else { continue }
                candidates.append(Int32(index))
            }
            let person = Person(
                dayRoom: dayRoom,
                weekdayRoom: weekdayRoom,
                weekRoom: weekRoom,
                belowTarget: participant.targetMinutes - fixedWeek,
                sectorIndex: sector(participant.sector),
                candidates: candidates
            )
            for shift in candidates { jobs[Int(shift)].candidates.append(Int32(people.count)) }
            people.append(person)
        }
    }

    /// The first index of `sorted` whose value is `value` or more.
    static func firstIndex(in sorted: [Int], notBefore value: Int) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The value of one person on a shift: its coverage less the penalty out of their sector.
    func value(_ person: Int, _ job: Int) -> Int {
        coverage * jobs[job].priority - (people[person].sectorIndex == jobs[job].sectorIndex ? 0 : crossSector)
    }

    static func age(born: LocalDate, on date: LocalDate) -> Int {
        let (year, month, day) = date.components
        let birth = born.components
        return year - birth.year - ((month, day) < (birth.month, birth.day) ? 1 : 0)
    }

    /// How many decimals a weight has (at most 6 are kept).
    static func decimalPlaces(_ value: Decimal) -> Int {
        for places in 0...6 {
            let scaled = value * Decimal(sign: .plus, exponent: places, significand: 1)
            var rounded = Decimal()
            var copy = scaled
            NSDecimalRound(&rounded, &copy, 0, .plain)
            if rounded == scaled { return places }
        }
        return 6
    }
}
