/// The policy as configuration files and the `chantier-check/1` format write it:
///
/// ```yaml
/// id: agir-ensemble
/// audience: youth
/// week_starts_on: sunday
/// caps:
///   - {rule: AGIR-SCHOOLYEAR-WORK-6H, season: school-year, work_minutes_per_week: 360}
/// targets:
///   - {rule: AGIR-SCHOOLYEAR-WORK-MIN-3H, season: school-year, work_minutes_per_week: 180}
/// activities:
///   - {rule: AGIR-SCHOOLYEAR-SESSION-1H, kind: awareness_session, minutes_per_week: 60, season: school-year}
/// ```
extension ProgramPolicy: Codable {
    enum CodingKeys: String, CodingKey {
        case id, audience, caps, targets, activities
        case weekStartsOn = "week_starts_on"
        case seasonOfWeek = "season_of_week"
        case rulePackOptions = "rule_pack_options"
        case hourlyRate = "hourly_rate"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // A program file gives the id once, as the program's code (see ProgramDefinition).
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        audience = try container.decodeIfPresent(Audience.self, forKey: .audience)
        let weekStart = try container.decodeIfPresent(String.self, forKey: .weekStartsOn) ?? "sunday"
        guard let weekday = Weekday(name: weekStart) else {
            throw DecodingError.dataCorruptedError(
                forKey: .weekStartsOn,
                in: container,
                debugDescription: "\"\(weekStart)\" is not a day of the week (sunday, monday…)"
            )
        }
        weekStartsOn = weekday
        caps = try container.decodeIfPresent([Cap].self, forKey: .caps) ?? []
        targets = try container.decodeIfPresent([Target].self, forKey: .targets) ?? []
        activities = try container.decodeIfPresent([Activity].self, forKey: .activities) ?? []
        seasonOfWeek = try container.decodeIfPresent(SeasonOfWeek.self, forKey: .seasonOfWeek) ?? .weekInsideSummer
        rulePackOptions = try container.decodeIfPresent([String: String].self, forKey: .rulePackOptions) ?? [:]
        hourlyRateCents = try Self.decodeRate(container)
    }

    /// `hourly_rate: 16.50` or `"16.50"`: dollars with at most two decimals.
    private static func decodeRate(_ container: KeyedDecodingContainer<CodingKeys>) throws -> Int? {
        guard container.contains(.hourlyRate) else { return nil }
        let text: String
        if let written = try? container.decode(String.self, forKey: .hourlyRate) {
            text = written
        } else {
            text = try container.decode(Double.self, forKey: .hourlyRate).description
        }
        guard let cents = Money.cents(text), cents > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .hourlyRate,
                in: container,
                debugDescription: "\"\(text)\" is not an hourly rate such as 16.50"
            )
        }
        return cents
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(audience, forKey: .audience)
        try container.encode(weekStartsOn.name, forKey: .weekStartsOn)
        try container.encode(caps, forKey: .caps)
        try container.encode(targets, forKey: .targets)
        try container.encode(activities, forKey: .activities)
        try container.encode(seasonOfWeek, forKey: .seasonOfWeek)
        if !rulePackOptions.isEmpty { try container.encode(rulePackOptions, forKey: .rulePackOptions) }
        if let hourlyRateCents { try container.encode(Money.text(hourlyRateCents), forKey: .hourlyRate) }
    }
}
