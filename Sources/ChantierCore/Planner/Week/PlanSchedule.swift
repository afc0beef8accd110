/// When the daemon proposes next week's plan: once a week, from a weekday and time on.
public struct PlanSchedule: Hashable, Sendable {
    public var moment: WeekDeadlines.Deadline

    public init(moment: WeekDeadlines.Deadline) {
        self.moment = moment
    }

    /// The Monday of the week to propose at `now`: next week's, once this week's moment has
    /// passed (a daemon that was down at that moment proposes as soon as it runs again); `nil`
    /// before it.
    public func weekDue(at now: LocalDateTime) -> LocalDate? {
        let monday = now.date.startOfWeek(beginningOn: .monday)
        let due = LocalDateTime(date: monday.adding(days: moment.weekday.isoNumber - 1), time: moment.time)
        return now < due ? nil : monday.adding(days: 7)
    }
}
