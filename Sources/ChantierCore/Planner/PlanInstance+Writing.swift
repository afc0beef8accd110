public import Foundation

extension PlanInstance {
    /// The instance as a `chantier-plan/1` file, keys sorted: what `chantierd plan FILE` reads
    /// back into the same instance.
    public func jsonData() throws -> Data {
        let monday = LocalDateTime(date: weekStart, time: LocalTime(hour: 0)!)
        func text(_ minute: Int) -> String { monday.adding(minutes: minute).description }
        func intervals(_ list: [Interval]) -> [PlanDocument.Interval] {
            list.map { PlanDocument.Interval(start: text($0.start), end: text($0.end)) }
        }
        let document = PlanDocument(
            format: "chantier-plan/1",
            weekStart: weekStart.description,
            participants: participants.map { participant in
                PlanDocument.Participant(
                    id: participant.id,
                    birthDate: participant.birthDate.description,
                    sector: participant.sector,
                    skills: participant.skills.sorted(),
                    availability: intervals(participant.availability),
                    fixed: intervals(participant.fixed),
                    targetMinutes: participant.targetMinutes,
                    limits: PlanDocument.Limits(
                        weekMaxMinutes: participant.weekMaxMinutes,
                        weekdayMaxMinutes: participant.weekdayMaxMinutes,
                        dayMaxMinutes: Dictionary(
                            uniqueKeysWithValues: participant.dayMaxMinutes.map {
                                (weekStart.adding(days: $0.key).description, $0.value)
                            }
                        ),
                        allowed: participant.allowed.map(intervals)
                    )
                )
            },
            shifts: shifts.map { shift in
                PlanDocument.Shift(
                    id: shift.id,
                    start: text(shift.interval.start),
                    end: text(shift.interval.end),
                    sector: shift.sector,
                    skills: shift.skills.sorted(),
                    minAge: shift.minimumAge,
                    demand: shift.demand,
                    priority: shift.priority,
                    site: shift.site,
                    task: shift.task
                )
            },
            weights: PlanDocument.Weights(
                coverage: weights.coverage,
                shortfallPerHour: weights.shortfallPerHour,
                crossSector: weights.crossSector
            )
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(document)
    }
}
