/// A day of the civil calendar, with no time zone: the date a shift happens on, a birth date,
/// a school day. Stored as a day number so that arithmetic and comparisons are exact and cheap.
public struct LocalDate: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// - Returns: `nil` when the components do not name a real day (2026-02-29, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD` exactly.
    public init?(iso text: some StringProtocol) {
        guard let date = ISODigits.withUTF8(text, LocalDate.init(isoUTF8:)) else { return nil }
        self = date
    }

    init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let parts = ISODigits.numbers(bytes, pattern: "9999-99-99") else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Year, month and day (Howard Hinnant's civil_from_days).
    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// The first day of its month.
    public var firstOfMonth: LocalDate { adding(days: 1 - day) }

    /// The day of the week; 1970-01-01 was a Thursday.
    public var weekday: Weekday {
        let mondayBased = ((daysSinceEpoch + 3) % 7 + 7) % 7
        return Weekday(isoNumber: mondayBased + 1)!
    }

    public func adding(days: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Days from this date to `other` (negative when `other` is earlier).
    public func days(until other: LocalDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The most recent `weekday` on or before this date: the first day of its week.
    public func startOfWeek(beginningOn weekday: Weekday) -> LocalDate {
        let back = (self.weekday.isoNumber - weekday.isoNumber + 7) % 7
        return adding(days: -back)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension LocalDate: Strideable {
    public func distance(to other: LocalDate) -> Int { days(until: other) }
    public func advanced(by days: Int) -> LocalDate { adding(days: days) }
}

extension LocalDate: CustomStringConvertible {
    /// ISO 8601: `2026-11-21`.
    public var description: String {
        let (year, month, day) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value.magnitude)
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

extension LocalDate: Codable, ISOText {
    static func parse(_ text: String) -> LocalDate? { LocalDate(iso: text) }
    static var textForm: String { "a YYYY-MM-DD date" }
}
