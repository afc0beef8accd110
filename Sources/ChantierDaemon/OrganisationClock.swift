import ChantierCore
import Foundation

/// The organisation's date, in its time zone: what "today" means for birth dates, policy versions
/// and the days shifts are made for.
struct OrganisationClock: Sendable {
    let timeZone: String

    func today(now: Date = Date()) -> LocalDate {
        self.now(now).date
    }

    /// The local date and time, to the minute.
    func now(_ instant: Date = Date()) -> LocalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return LocalDateTime(
            date: LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!,
            time: LocalTime(hour: parts.hour!, minute: parts.minute!)!
        )
    }

    /// Today and the days after, `days` in all.
    func horizon(days: Int) -> DateRange {
        let today = today()
        return DateRange(today, today.adding(days: max(1, days) - 1))
    }
}

extension DaemonState {
    var clock: OrganisationClock { OrganisationClock(timeZone: configuration.timeZone) }
}
