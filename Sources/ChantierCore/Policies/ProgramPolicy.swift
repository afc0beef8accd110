/// A program's own limits, layered on a legal rule pack: caps by season, weekly engagement
/// targets, and activities such as the weekly awareness session (work time for the law, not
/// "work" for the program's caps). A policy may be stricter than the law, never looser
/// (``validate(against:)``). Stored as data, versioned by effective date.
public struct ProgramPolicy: Hashable, Sendable {
    /// The program's code (`agir-ensemble`).
    public var id: String
    /// Who the program serves; a youth policy is compared with the law for minors.
    public var audience: Audience?
    /// The first day of the program's week (its caps and targets are weekly).
    public var weekStartsOn: Weekday
    public var caps: [Cap]
    public var targets: [Target]
    public var activities: [Activity]
    public var seasonOfWeek: SeasonOfWeek
    /// The rule pack's alternative readings the program chose, by name.
    public var rulePackOptions: [String: String]
    /// What the program pays an hour, in cents; `nil` pays the minimum wage. The minimum wage in
    /// force on the day is always the floor.
    public var hourlyRateCents: Int?

    public init(
        id: String,
        audience: Audience? = nil,
        weekStartsOn: Weekday = .sunday,
        caps: [Cap] = [],
        targets: [Target] = [],
        activities: [Activity] = [],
        seasonOfWeek: SeasonOfWeek = .weekInsideSummer,
        rulePackOptions: [String: String] = [:],
        hourlyRateCents: Int? = nil
    ) {
        self.id = id
        self.audience = audience
        self.weekStartsOn = weekStartsOn
        self.caps = caps
        self.targets = targets
        self.activities = activities
        self.seasonOfWeek = seasonOfWeek
        self.rulePackOptions = rulePackOptions
        self.hourlyRateCents = hourlyRateCents
    }

    /// When a cap, target or activity applies.
    public enum PolicySeason: String, Hashable, Sendable, Codable, CaseIterable {
        case schoolYear = "school-year"
        case summer
        case any

        func includes(_ season: Season) -> Bool {
            self == .any || rawValue == season.rawValue
        }
    }

    /// How the season of a week is decided.
    public enum SeasonOfWeek: String, Hashable, Sendable, Codable, CaseIterable {
        /// A week is a summer week only when all its days are in the summer (rules.md §5: the
        /// school-year cap applies to "any week that is not inside the summer period").
        case weekInsideSummer = "week-inside-summer"
        /// Each day counts toward the cap of its own season.
        case byDate = "by-date"
    }

    /// A limit on the minutes of work (`kind: work` only) in a week or a day of a season.
    public struct Cap: Hashable, Sendable, Codable {
        public var rule: RuleID
        public var season: PolicySeason
        public var workMinutesPerWeek: Int?
        public var workMinutesPerDay: Int?

        enum CodingKeys: String, CodingKey {
            case rule, season
            case workMinutesPerWeek = "work_minutes_per_week"
            case workMinutesPerDay = "work_minutes_per_day"
        }

        public init(rule: RuleID, season: PolicySeason, workMinutesPerWeek: Int? = nil, workMinutesPerDay: Int? = nil) {
            self.rule = rule
            self.season = season
            self.workMinutesPerWeek = workMinutesPerWeek
            self.workMinutesPerDay = workMinutesPerDay
        }
    }

    /// A weekly engagement target: work below it is a shortfall, not a violation.
    public struct Target: Hashable, Sendable, Codable {
        public var rule: RuleID
        public var season: PolicySeason
        public var workMinutesPerWeek: Int

        enum CodingKeys: String, CodingKey {
            case rule, season
            case workMinutesPerWeek = "work_minutes_per_week"
        }

        public init(rule: RuleID, season: PolicySeason, workMinutesPerWeek: Int) {
            self.rule = rule
            self.season = season
            self.workMinutesPerWeek = workMinutesPerWeek
        }
    }

    /// A recurring activity that is not counted as work by the program (the awareness session).
    public struct Activity: Hashable, Sendable, Codable {
        public var rule: RuleID
        public var kind: WorkKind
        public var minutesPerWeek: Int
        public var season: PolicySeason

        enum CodingKeys: String, CodingKey {
            case rule, kind, season
            case minutesPerWeek = "minutes_per_week"
        }

        public init(rule: RuleID, kind: WorkKind, minutesPerWeek: Int, season: PolicySeason) {
            self.rule = rule
            self.kind = kind
            self.minutesPerWeek = minutesPerWeek
            self.season = season
        }
    }

    /// The weekly target in force for a week of `season`, if any.
    public func target(for season: Season) -> Target? {
        targets.first { $0.season.includes(season) }
    }
}
