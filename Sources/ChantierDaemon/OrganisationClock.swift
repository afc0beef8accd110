import ChantierCore
import Foundation

/// The organisation's date, in its time zone: what "today" means for birth dates, policy versions
/// and the days shifts are made for.
struct OrganisationClock: Sendable {
    let timeZone: String

    func today(now: Date = Date()) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
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
