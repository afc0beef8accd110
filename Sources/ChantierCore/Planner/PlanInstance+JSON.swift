public import Foundation

extension PlanInstance {
    /// Reads a `chantier-plan/1` file, checking it as SPEC §2.4 says.
    ///
    /// - Throws: ``PlanInstanceError`` naming the first thing malformed.
    public init(json data: Data) throws(PlanInstanceError) {
        let document: PlanDocument
        do {
            document = try JSONDecoder().decode(PlanDocument.self, from: data)
        } catch let error as DecodingError {
            throw PlanInstanceError(Self.describe(error))
        } catch {
            throw PlanInstanceError("the file is not valid JSON")
        }
        try self.init(document)
    }

    private init(_ document: PlanDocument) throws(PlanInstanceError) {
        guard document.format == "chantier-plan/1" else {
            throw PlanInstanceError("format: \"\(document.format)\" is not chantier-plan/1")
        }
        guard let monday = LocalDate(iso: document.weekStart), monday.weekday == .monday,
            monday.description == document.weekStart
        else {
            throw PlanInstanceError("week_start: \"\(document.weekStart)\" is not a Monday written YYYY-MM-DD")
        }
        let clock = WeekClock(monday: monday)
        var participantIDs: Set<String> = []
        var participants: [Participant] = []
        for (index, raw) in document.participants.enumerated() {
            let at = "participants[\(index)]"
            guard !raw.id.isEmpty, participantIDs.insert(raw.id).inserted else {
                throw PlanInstanceError("\(at).id: empty or repeated")
            }
            guard let birth = LocalDate(iso: raw.birthDate), birth.description == raw.birthDate else {
                throw PlanInstanceError("\(at).birth_date: \"\(raw.birthDate)\" is not a YYYY-MM-DD date")
            }
            let fixed = try clock.intervals(raw.fixed ?? [], at: "\(at).fixed").sorted { $0.start < $1.start }
            for (earlier, later) in zip(fixed, fixed.dropFirst()) where earlier.overlaps(later) {
                throw PlanInstanceError("\(at).fixed: intervals overlap")
            }
            let limits = raw.limits
            guard raw.targetMinutes >= 0, limits.weekMaxMinutes >= 0, (limits.weekdayMaxMinutes ?? 0) >= 0 else {
                throw PlanInstanceError("\(at): minutes must be 0 or more")
            }
            var dayCaps: [Int: Int] = [:]
            for (key, cap) in limits.dayMaxMinutes ?? [:] {
                guard let date = LocalDate(iso: key), date.description == key,
                    (0..<7).contains(monday.days(until: date)),
                    cap >= 0
                else {
                    throw PlanInstanceError(
                        "\(at).limits.day_max_minutes: \"\(key)\" is not a date of the week with a cap ≥ 0"
                    )
                }
                dayCaps[monday.days(until: date)] = cap
            }
            participants.append(
                Participant(
                    id: raw.id,
                    birthDate: birth,
                    sector: raw.sector,
                    skills: Set(raw.skills),
                    availability: try clock.intervals(raw.availability, at: "\(at).availability"),
                    fixed: fixed,
                    targetMinutes: raw.targetMinutes,
                    weekMaxMinutes: limits.weekMaxMinutes,
                    weekdayMaxMinutes: limits.weekdayMaxMinutes,
                    dayMaxMinutes: dayCaps,
                    allowed: try limits.allowed.map { intervals throws(PlanInstanceError) in
                        try clock.intervals(intervals, at: "\(at).limits.allowed")
                    }
                )
            )
        }
        var shiftIDs: Set<String> = []
        var shifts: [Shift] = []
        for (index, raw) in document.shifts.enumerated() {
            let at = "shifts[\(index)]"
            guard !raw.id.isEmpty, shiftIDs.insert(raw.id).inserted else {
                throw PlanInstanceError("\(at).id: empty or repeated")
            }
            let interval = try clock.interval(.init(start: raw.start, end: raw.end), at: at)
            guard interval.start / 1440 == (interval.end - 1) / 1440, interval.end % 1440 != 0 else {
                throw PlanInstanceError("\(at): a shift starts and ends on the same date")
            }
            guard raw.minAge >= 0, raw.demand >= 1, (1...5).contains(raw.priority) else {
                throw PlanInstanceError("\(at): min_age ≥ 0, demand ≥ 1 and priority 1 to 5")
            }
            shifts.append(
                Shift(
                    id: raw.id,
                    interval: interval,
                    day: interval.start / 1440,
                    sector: raw.sector,
                    skills: Set(raw.skills),
                    minimumAge: raw.minAge,
                    demand: raw.demand,
                    priority: raw.priority,
                    site: raw.site,
                    task: raw.task
                )
            )
        }
        var weights = Weights()
        if let raw = document.weights {
            weights.coverage = raw.coverage ?? weights.coverage
            weights.shortfallPerHour = raw.shortfallPerHour ?? weights.shortfallPerHour
            weights.crossSector = raw.crossSector ?? weights.crossSector
            guard weights.coverage >= 0, weights.shortfallPerHour >= 0, weights.crossSector >= 0 else {
                throw PlanInstanceError("weights: every weight is 0 or more")
            }
        }
        self.init(weekStart: monday, participants: participants, shifts: shifts, weights: weights)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "the file is not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "the file is not a chantier-plan/1 instance"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
    }

    /// Datetimes of the week as minutes from its Monday 00:00.
    private struct WeekClock {
        let monday: LocalDate

        func minute(_ text: String, at field: String) throws(PlanInstanceError) -> Int {
            guard text.count == 16, let time = LocalDateTime(iso: text), time.description == text else {
                throw PlanInstanceError("\(field): \"\(text)\" is not a YYYY-MM-DDTHH:MM datetime")
            }
            let minute =
                time.minutesSinceEpoch - LocalDateTime(date: monday, time: LocalTime(hour: 0)!).minutesSinceEpoch
            guard (0...7 * 1440).contains(minute) else {
                throw PlanInstanceError("\(field): \(text) is outside the week")
            }
            return minute
        }

        func interval(_ raw: PlanDocument.Interval, at field: String) throws(PlanInstanceError) -> Interval {
            let start = try minute(raw.start, at: "\(field).start")
            let end = try minute(raw.end, at: "\(field).end")
            guard end > start else { throw PlanInstanceError("\(field): end must be after start") }
            return Interval(start: start, end: end)
        }

        func intervals(_ raw: [PlanDocument.Interval], at field: String) throws(PlanInstanceError) -> [Interval] {
            var intervals: [Interval] = []
            for (index, item) in raw.enumerated() { intervals.append(try interval(item, at: "\(field)[\(index)]")) }
            return intervals
        }
    }
}
