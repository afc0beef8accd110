/// A site's week (Monday to Sunday) and where its closure stands: what the alert scan looks at,
/// and what a payroll export lists when weeks are not approved.
public struct SiteWeek: Hashable, Sendable, CustomStringConvertible {
    public var siteCode: String
    public var week: DateRange
    public var status: WeekClosure.Status

    public init(siteCode: String, week: DateRange, status: WeekClosure.Status) {
        self.siteCode = siteCode
        self.week = week
        self.status = status
    }

    /// `parc 2026-W48 (submitted)`.
    public var description: String { "\(siteCode) \(week.first.isoWeek) (\(status.rawValue))" }
}
