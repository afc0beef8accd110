/// A wall-clock date and time to the minute, with no time zone: the local time a shift starts.
///
/// Arithmetic treats every day as 24 hours long; daylight-saving changes are accounted for by the
/// caller (see ``WorkInterval/clockChange``).
public struct LocalDateTime: Hashable, Comparable, Sendable {
    /// Minutes since 1970-01-01 00:00.
    public let minutesSinceEpoch: Int

    public init(minutesSinceEpoch: Int) {
        self.minutesSinceEpoch = minutesSinceEpoch
    }

    public init(date: LocalDate, time: LocalTime) {
        minutesSinceEpoch = date.daysSinceEpoch * 1440 + time.minuteOfDay
    }

    /// Parses `YYYY-MM-DDTHH:MM` exactly (hours 00 to 23).
    public init?(iso text: some StringProtocol) {
        let parsed = ISODigits.withUTF8(text) { bytes -> LocalDateTime? in
            guard bytes.count == 16, bytes[10] == UInt8(ascii: "T"),
                let date = LocalDate(isoUTF8: UnsafeBufferPointer(rebasing: bytes[..<10])),
                let time = LocalTime(isoUTF8: UnsafeBufferPointer(rebasing: bytes[11...])),
                time.minuteOfDay < 1440
            else { return nil }
            return LocalDateTime(date: date, time: time)
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// The date of this instant (00:00 belongs to the day it starts).
    public var date: LocalDate {
        LocalDate(daysSinceEpoch: Self.floorDivide(minutesSinceEpoch, 1440))
    }

    public var time: LocalTime {
        LocalTime(minuteOfDay: minutesSinceEpoch - date.daysSinceEpoch * 1440)!
    }

    public func adding(minutes: Int) -> LocalDateTime {
        LocalDateTime(minutesSinceEpoch: minutesSinceEpoch + minutes)
    }

    /// Minutes from this instant to `other`.
    public func minutes(until other: LocalDateTime) -> Int {
        other.minutesSinceEpoch - minutesSinceEpoch
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.minutesSinceEpoch < rhs.minutesSinceEpoch
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}

extension LocalDateTime: CustomStringConvertible {
    /// `YYYY-MM-DDTHH:MM`.
    public var description: String { "\(date)T\(time)" }
}

extension LocalDateTime: Codable, ISOText {
    static func parse(_ text: String) -> LocalDateTime? { LocalDateTime(iso: text) }
    static var textForm: String { "a YYYY-MM-DDTHH:MM local date and time" }
}
