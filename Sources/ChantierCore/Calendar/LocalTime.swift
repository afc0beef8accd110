/// A wall-clock time of day to the minute, from 00:00 to 24:00 (24:00 only as the end of a day).
public struct LocalTime: Hashable, Comparable, Sendable {
    /// Minutes since midnight, 0...1440.
    public let minuteOfDay: Int

    public init?(minuteOfDay: Int) {
        guard (0...1440).contains(minuteOfDay) else { return nil }
        self.minuteOfDay = minuteOfDay
    }

    public init?(hour: Int, minute: Int = 0) {
        guard (0...24).contains(hour), (0..<60).contains(minute), hour < 24 || minute == 0 else { return nil }
        self.init(minuteOfDay: hour * 60 + minute)
    }

    /// Parses `HH:MM` (00:00 to 24:00).
    public init?(iso text: some StringProtocol) {
        guard let time = ISODigits.withUTF8(text, LocalTime.init(isoUTF8:)) else { return nil }
        self = time
    }

    init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let parts = ISODigits.numbers(bytes, pattern: "99:99") else { return nil }
        self.init(hour: parts[0], minute: parts[1])
    }

    public static let midnight = LocalTime(minuteOfDay: 0)!
    public static let endOfDay = LocalTime(minuteOfDay: 1440)!

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minuteOfDay < rhs.minuteOfDay }
}

extension LocalTime: CustomStringConvertible {
    /// `HH:MM`.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

extension LocalTime: Codable, ISOText {
    static func parse(_ text: String) -> LocalTime? { LocalTime(iso: text) }
    static var textForm: String { "an HH:MM time" }
}
