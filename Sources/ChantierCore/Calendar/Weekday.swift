/// A day of the week, numbered as ISO 8601 does (Monday = 1 … Sunday = 7).
public enum Weekday: Int, CaseIterable, Hashable, Comparable, Sendable, Codable {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    public init?(isoNumber: Int) {
        self.init(rawValue: isoNumber)
    }

    public var isoNumber: Int { rawValue }

    /// Monday to Friday.
    public var isWeekday: Bool { rawValue <= 5 }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The English name in lower case, as configuration files write it (`sunday`).
    public var name: String { String(describing: self) }

    /// The English name as a sentence writes it (`Sunday`).
    public var displayName: String { name.prefix(1).uppercased() + name.dropFirst() }

    public init?(name: String) {
        guard let day = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = day
    }
}
