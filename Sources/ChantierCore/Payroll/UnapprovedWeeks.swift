/// A pay period with weeks not yet approved: payroll pays only approved, locked hours.
public struct UnapprovedWeeks: Error, Hashable, Sendable, CustomStringConvertible {
    public var weeks: [SiteWeek]

    public init(weeks: [SiteWeek]) {
        self.weeks = weeks
    }

    public var description: String {
        "\(weeks.count) week(s) of the period are not approved; approve them with chantierctl week approve, "
            + "or export the approved ones only with --allow-partial"
    }
}
