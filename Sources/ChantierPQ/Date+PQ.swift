public import struct Foundation.Date

/// `timestamptz`, exchanged in UTC with microsecond precision (PostgreSQL's own resolution).
///
/// `infinity` and `-infinity` decode as `Date.distantFuture` and `Date.distantPast`, and those two
/// values encode back as `infinity` and `-infinity`.
extension Date: PQCodable {
    public static var pqType: PQType { .timestamptz }

    public var pqText: String {
        if self == .distantFuture { return "infinity" }
        if self == .distantPast { return "-infinity" }
        let micros = Int64((timeIntervalSince1970 * 1_000_000).rounded())
        let (days, microsOfDay) = Self.floorDivide(micros, 86_400_000_000)
        let date = PQDate(daysSinceEpoch: Int(days))
        let seconds = Int(microsOfDay / 1_000_000)
        let fraction = Int(microsOfDay % 1_000_000)
        var text =
            PQText.pad(date.year > 0 ? date.year : 1 - date.year, 4) + "-" + PQText.pad(date.month, 2) + "-"
            + PQText.pad(date.day, 2) + " " + PQText.pad(seconds / 3600, 2) + ":" + PQText.pad(seconds / 60 % 60, 2)
            + ":" + PQText.pad(seconds % 60, 2)
        if fraction != 0 { text += "." + PQText.pad(fraction, 6) }
        text += "+00"
        if date.year <= 0 { text += " BC" }
        return text
    }

    public init(pqText text: String) throws(PQDecodingError) {
        if text == "infinity" {
            self = .distantFuture
            return
        }
        if text == "-infinity" {
            self = .distantPast
            return
        }
        var scanner = PQText.Scanner(text)
        guard let parts = scanner.dateComponents(), scanner.skip(UInt8(ascii: " ")),
            let microsOfDay = scanner.timeOfDay()
        else { throw .invalid(text, as: Date.self) }
        // A `timestamp` without time zone has no offset: it is read as UTC.
        let offset = scanner.peek == nil || scanner.peek == UInt8(ascii: " ") ? 0 : scanner.utcOffset()
        guard let offset, let date = PQDate(year: scanner.era(of: parts.year), month: parts.month, day: parts.day),
            scanner.isAtEnd
        else { throw .invalid(text, as: Date.self) }
        let micros = Int64(date.daysSinceEpoch) * 86_400_000_000 + microsOfDay - Int64(offset) * 1_000_000
        self = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }
}
