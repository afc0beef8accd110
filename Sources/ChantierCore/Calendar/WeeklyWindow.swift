/// A window of time that comes back every week, `[start, end)` on `weekday`: when a participant is
/// available, or the availability a consent form states.
public struct WeeklyWindow: Hashable, Sendable {
    public var weekday: Weekday
    public var start: LocalTime
    public var end: LocalTime

    public init(weekday: Weekday, start: LocalTime, end: LocalTime) {
        self.weekday = weekday
        self.start = start
        self.end = end
    }

    /// Parses `mon 16:00-19:00`: a day (English or French, full or three letters, or its ISO
    /// number) and an `HH:MM-HH:MM` window that ends after it starts.
    public init?(text: some StringProtocol) {
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, let weekday = Weekday(loose: parts[0]) else { return nil }
        let times = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard times.count == 2, let start = LocalTime(iso: times[0]), let end = LocalTime(iso: times[1]), start < end
        else { return nil }
        self.init(weekday: weekday, start: start, end: end)
    }

    /// Whether `[from, to)` on this window's weekday lies inside the window.
    public func contains(from: LocalTime, to: LocalTime) -> Bool {
        start <= from && to <= end
    }

    /// What ``init(text:)`` accepts, for messages.
    public static let textForm = "a day and hours such as \"mon 16:00-19:00\""
}

extension WeeklyWindow: CustomStringConvertible {
    /// `mon 16:00-19:00`.
    public var description: String { "\(weekday.shortName) \(start)-\(end)" }
}

extension Weekday {
    /// The three-letter English name (`mon`).
    public var shortName: String { String(name.prefix(3)) }

    /// A day written by a person: `monday`, `mon`, `lundi`, `lun`, or `1` (ISO, Monday = 1).
    public init?(loose text: some StringProtocol) {
        let word = text.lowercased()
        if let number = Int(word), let day = Weekday(isoNumber: number) {
            self = day
            return
        }
        let french = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        guard
            let day = Weekday.allCases.first(where: { word == $0.name || word == $0.shortName })
                ?? french.firstIndex(where: { word == $0 || word == $0.prefix(3) }).flatMap({
                    Weekday(isoNumber: $0 + 1)
                })
        else { return nil }
        self = day
    }
}
