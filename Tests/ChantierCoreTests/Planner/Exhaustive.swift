import ChantierCore
import Foundation

/// The best objective of a small instance by trying every set of (participant, shift) pairs, with
/// the constraints and objective of `chantier-plan/1` written out again from the specification.
enum Exhaustive {
    static func best(_ instance: PlanInstance) -> Decimal {
        let weights = instance.weights
        var pairs: [(Int, Int)] = []
        for (p, person) in instance.participants.enumerated() {
            for (s, shift) in instance.shifts.enumerated() where admissible(person, shift, instance) {
                pairs.append((p, s))
            }
        }
        precondition(pairs.count <= 20, "too many pairs for an exhaustive search")
        var best = objective([], instance, weights)
        for mask in 1..<(1 << pairs.count) {
            let chosen = pairs.indices.filter { mask & (1 << $0) != 0 }.map { pairs[$0] }
            guard feasible(chosen, instance) else { continue }
            best = max(best, objective(chosen, instance, weights))
        }
        return best
    }

    static func admissible(
        _ person: PlanInstance.Participant,
        _ shift: PlanInstance.Shift,
        _ instance: PlanInstance
    ) -> Bool {
        let date = instance.weekStart.adding(days: shift.day)
        let (year, month, day) = date.components
        let birth = person.birthDate.components
        let age = year - birth.year - ((month, day) < (birth.month, birth.day) ? 1 : 0)
        return shift.skills.isSubset(of: person.skills) && age >= shift.minimumAge
            && person.availability.contains { $0.contains(shift.interval) }
            && (person.allowed?.contains { $0.contains(shift.interval) } ?? true)
            && !person.fixed.contains { $0.overlaps(shift.interval) }
    }

    static func minutes(_ interval: PlanInstance.Interval, day: Int) -> Int {
        max(0, min(interval.end, (day + 1) * 1440) - max(interval.start, day * 1440))
    }

    static func feasible(_ chosen: [(Int, Int)], _ instance: PlanInstance) -> Bool {
        for (s, shift) in instance.shifts.enumerated() where chosen.filter({ $0.1 == s }).count > shift.demand {
            return false
        }
        for (p, person) in instance.participants.enumerated() {
            let mine = chosen.filter { $0.0 == p }.map { instance.shifts[$0.1].interval }
            for (i, a) in mine.enumerated() where mine[(i + 1)...].contains(where: { $0.overlaps(a) }) { return false }
            func used(_ days: some Sequence<Int>, _ intervals: [PlanInstance.Interval]) -> Int {
                days.reduce(0) { total, day in total + intervals.reduce(0) { $0 + minutes($1, day: day) } }
            }
            for (day, cap) in person.dayMaxMinutes where used([day], mine) > max(0, cap - used([day], person.fixed)) {
                return false
            }
            if used(0..<7, mine) > max(0, person.weekMaxMinutes - used(0..<7, person.fixed)) { return false }
            if let cap = person.weekdayMaxMinutes, used(0..<5, mine) > max(0, cap - used(0..<5, person.fixed)) {
                return false
            }
        }
        return true
    }

    static func objective(_ chosen: [(Int, Int)], _ instance: PlanInstance, _ weights: PlanInstance.Weights) -> Decimal
    {
        var total = Decimal(0)
        for (p, s) in chosen {
            let shift = instance.shifts[s]
            total += weights.coverage * Decimal(shift.priority)
            if instance.participants[p].sector != shift.sector { total -= weights.crossSector }
        }
        for (p, person) in instance.participants.enumerated() {
            let worked =
                person.fixed.reduce(0) { $0 + $1.end - $1.start }
                + chosen.filter { $0.0 == p }.reduce(0) { $0 + instance.shifts[$1.1].minutes }
            total -= weights.shortfallPerHour * Decimal(max(0, person.targetMinutes - worked)) / 60
        }
        return total
    }
}
