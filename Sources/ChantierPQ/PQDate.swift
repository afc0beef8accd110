/// A PostgreSQL `date`: a day of the proleptic Gregorian calendar, with no time zone.
public struct PQDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// - Returns: `nil` when the components do not name a real day (e.g. February 30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysInMonth(year: year, month: month)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `days` after 1970-01-01 (negative before it).
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func < (lhs: PQDate, rhs: PQDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// ISO 8601 (`2026-11-21`); years before 1 are written astronomically (`0000` is 1 BC).
    public var description: String {
        PQText.pad(year, 4) + "-" + PQText.pad(month, 2) + "-" + PQText.pad(day, 2)
    }
}

extension PQDate: PQCodable {
    public static var pqType: PQType { .date }

    /// PostgreSQL writes years before 1 with a ` BC` suffix; 1 BC is astronomical year 0.
    public var pqText: String {
        year > 0 ? description : PQText.pad(1 - year, 4) + "-" + PQText.pad(month, 2) + "-" + PQText.pad(day, 2) + " BC"
    }

    public init(pqText text: String) throws(PQDecodingError) {
        var scanner = PQText.Scanner(text)
        guard let parts = scanner.dateComponents(),
            let date = PQDate(year: scanner.era(of: parts.year), month: parts.month, day: parts.day),
            scanner.isAtEnd
        else { throw .invalid(text, as: PQDate.self) }
        self = date
    }

    /// Parses `YYYY-MM-DD` (astronomical year, as ``description`` writes it).
    public init?(iso text: String) {
        var scanner = PQText.Scanner(text)
        guard let parts = scanner.dateComponents(), scanner.isAtEnd else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }
}
