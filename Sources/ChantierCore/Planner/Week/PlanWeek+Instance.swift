extension PlanWeek {
    /// The week as a `chantier-plan/1` instance, and who may take each shift on its own.
    public struct Compiled: Sendable {
        /// Participants in the order of ``PlanWeek/people``, shifts in that of ``PlanWeek/jobs``;
        /// their ids are the database ids, written in decimal.
        public var instance: PlanInstance
        /// By job: how many people cannot take it, by reason (a rule id or a problem kind).
        public var refusals: [[String: Int]]
        /// By job: the people (indices into ``PlanWeek/people``) who may take it on its own.
        public var eligible: [[Int]]
    }

    /// The shifts a plan may fill: open, with places, and inside one day of the week (the
    /// format has no shift across midnight).
    var plannable: [Job] {
        jobs.filter {
            $0.shift.status == .open && $0.openPlaces > 0 && days.contains($0.shift.date)
                && $0.shift.start.date == $0.shift.end.date
        }
    }

    /// Builds the instance: each person's availability, their existing work as fixed time, the
    /// limits the rules leave them as caps, and, as allowed windows, the times of the shifts the
    /// engine lets them take on their own (every check of a manual assignment is asked of every
    /// pair). A shift inside such a window that they may still not take (its task, its program, a
    /// skill expiring that week) requires a token that only those who may take it hold, so the
    /// instance says exactly who may take what.
    public func compile() -> Compiled {
        let jobs = plannable
        let start = LocalDateTime(date: monday, time: .midnight)
        let weekMinutes = 7 * 1440
        func interval(_ from: LocalDateTime, _ to: LocalDateTime) -> PlanInstance.Interval {
            PlanInstance.Interval(
                start: min(max(0, start.minutes(until: from)), weekMinutes),
                end: min(max(0, start.minutes(until: to)), weekMinutes)
            )
        }
        var refusals = [[String: Int]](repeating: [:], count: jobs.count)
        var eligible = [[Int]](repeating: [], count: jobs.count)
        var participants: [PlanInstance.Participant] = []
        for (index, person) in people.enumerated() {
            var allowed: Set<PlanInstance.Interval> = []
            for (jobIndex, job) in jobs.enumerated() {
                let question = person.question(job, existing: person.existing)
                var check = AssignmentCheck(question, applyingRules: false)
                if check.allowed { check = AssignmentCheck(question) }
                guard let problem = check.problems.first else {
                    eligible[jobIndex].append(index)
                    allowed.insert(interval(job.shift.start, job.shift.end))
                    continue
                }
                refusals[jobIndex][problem.rule?.rawValue ?? problem.kind.rawValue, default: 0] += 1
            }
            let fixed = Self.union(person.existing.map { interval($0.start, $0.end) }.filter { $0.start < $0.end })
            participants.append(participant(person, fixed: fixed, allowed: allowed))
        }
        var instance = PlanInstance(
            weekStart: monday,
            participants: participants,
            shifts: jobs.map { job in
                let time = interval(job.shift.start, job.shift.end)
                return PlanInstance.Shift(
                    id: "\(job.shift.id)",
                    interval: time,
                    day: PlanInstance.day(of: time.start),
                    sector: job.shift.sectorCode,
                    skills: Set(job.shift.requiredSkills + job.task.requiredSkills),
                    minimumAge: max(job.shift.minimumAge ?? 0, job.task.minimumAge),
                    demand: job.openPlaces,
                    priority: min(5, max(1, job.shift.priority)),
                    site: job.shift.siteCode,
                    task: job.task.code
                )
            },
            weights: weights
        )
        for (jobIndex, job) in PlanProblem(instance).jobs.enumerated() {
            let mayTake = Set(eligible[jobIndex])
            guard job.candidates.contains(where: { !mayTake.contains(Int($0)) }) else { continue }
            let token = "chantier:shift-\(jobs[jobIndex].shift.id)"
            instance.shifts[jobIndex].skills.insert(token)
            for person in mayTake { instance.participants[person].skills.insert(token) }
        }
        return Compiled(instance: instance, refusals: refusals, eligible: eligible)
    }

    private func participant(
        _ person: Person,
        fixed: [PlanInstance.Interval],
        allowed: Set<PlanInstance.Interval>
    ) -> PlanInstance.Participant {
        let profile = person.participant.profile
        let limits = person.limits(in: days)
        let fixedDay = PlanInstance.minutesByDay(fixed)
        let fixedWeek = fixedDay.reduce(0, +)
        return PlanInstance.Participant(
            id: "\(person.participant.id)",
            birthDate: profile.birthDate,
            sector: profile.sectorCode ?? "",
            skills: Set(profile.skills.filter { $0.isValid(on: monday) }.map(\.name)),
            availability: days.enumerated().flatMap { day, date in
                profile.availability.windows(on: date).map {
                    PlanInstance.Interval(start: day * 1440 + $0.lowerBound, end: day * 1440 + $0.upperBound)
                }
            },
            fixed: fixed,
            targetMinutes: limits.targetMinutes,
            // What the rules leave, on top of the fixed time the format counts in every cap.
            weekMaxMinutes: limits.weekRemaining.map { fixedWeek + $0 } ?? 7 * 1440,
            weekdayMaxMinutes: limits.weekdayRemaining.map { fixedDay[0..<5].reduce(0, +) + $0 },
            dayMaxMinutes: limits.dayRemaining.reduce(into: [:]) { caps, item in
                caps[item.key] = fixedDay[item.key] + item.value
            },
            allowed: allowed.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        )
    }

    /// Overlapping intervals merged: the format wants one person's fixed time without overlaps
    /// (hours logged for a shift they also hold count once).
    static func union(_ intervals: [PlanInstance.Interval]) -> [PlanInstance.Interval] {
        var merged: [PlanInstance.Interval] = []
        for interval in intervals.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, interval.start < last.end {
                merged[merged.count - 1].end = max(last.end, interval.end)
            } else {
                merged.append(interval)
            }
        }
        return merged
    }
}
