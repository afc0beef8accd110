/// A PostgreSQL `interval`: months, days and microseconds are kept apart, as the server keeps them,
/// because a month or a day has no fixed length across daylight-saving changes.
public struct PQInterval: Hashable, Sendable, CustomStringConvertible {
    public var months: Int32
    public var days: Int32
    public var microseconds: Int64

    public init(months: Int32 = 0, days: Int32 = 0, microseconds: Int64 = 0) {
        self.months = months
        self.days = days
        self.microseconds = microseconds
    }

    /// An interval of whole minutes.
    public init(minutes: Int) {
        self.init(microseconds: Int64(minutes) * 60_000_000)
    }

    /// The length in whole minutes, when the interval has no month part (days count as 24 h);
    /// `nil` otherwise, since a month has no fixed length.
    public var totalMinutes: Int? {
        guard months == 0 else { return nil }
        return Int((Int64(days) * 86_400_000_000 + microseconds) / 60_000_000)
    }

    public var description: String { pqText }
}

extension PQInterval: PQCodable {
    public static var pqType: PQType { .interval }

    public var pqText: String { "\(months) mons \(days) days \(microseconds) microseconds" }

    /// Reads the `iso_8601` interval style every Chantier connection selects (`P1Y2M3DT4H5M6.5S`).
    public init(pqText text: String) throws(PQDecodingError) {
        var scanner = PQText.Scanner(text)
        guard scanner.skip(UInt8(ascii: "P")) else { throw .invalid(text, as: PQInterval.self) }
        var months: Int64 = 0
        var days: Int64 = 0
        var micros: Int64 = 0
        var inTime = false
        while !scanner.isAtEnd {
            if scanner.skip(UInt8(ascii: "T")) {
                inTime = true
                continue
            }
            let negative = scanner.skip(UInt8(ascii: "-"))
            guard let whole = scanner.integer() else { throw .invalid(text, as: PQInterval.self) }
            var fractionMicros: Int64 = 0
            if scanner.skip(UInt8(ascii: ".")) {
                let start = scanner.index
                guard var fraction = scanner.integer(maxDigits: 6) else { throw .invalid(text, as: PQInterval.self) }
                for _ in (scanner.index - start)..<6 { fraction *= 10 }
                fractionMicros = Int64(fraction)
            }
            let sign: Int64 = negative ? -1 : 1
            let value = Int64(whole)
            switch (inTime, scanner.peek) {
            case (false, UInt8(ascii: "Y")): months += sign * value * 12
            case (false, UInt8(ascii: "M")): months += sign * value
            case (false, UInt8(ascii: "W")): days += sign * value * 7
            case (false, UInt8(ascii: "D")): days += sign * value
            case (true, UInt8(ascii: "H")): micros += sign * value * 3_600_000_000
            case (true, UInt8(ascii: "M")): micros += sign * value * 60_000_000
            case (true, UInt8(ascii: "S")): micros += sign * (value * 1_000_000 + fractionMicros)
            default: throw .invalid(text, as: PQInterval.self)
            }
            if fractionMicros != 0 && scanner.peek != UInt8(ascii: "S") { throw .invalid(text, as: PQInterval.self) }
            scanner.index += 1
        }
        guard let months32 = Int32(exactly: months), let days32 = Int32(exactly: days) else {
            throw .invalid(text, as: PQInterval.self)
        }
        self.init(months: months32, days: days32, microseconds: micros)
    }
}

/// `interval` as a Swift `Duration`, for intervals without a month part (a day counts as 24 h).
extension Duration: PQCodable {
    public static var pqType: PQType { .interval }

    public var pqText: String {
        PQInterval(microseconds: components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000).pqText
    }

    public init(pqText text: String) throws(PQDecodingError) {
        let interval = try PQInterval(pqText: text)
        guard interval.months == 0 else {
            throw PQDecodingError(reason: "interval \(text) has a month part, which has no fixed duration")
        }
        self = .microseconds(Int64(interval.days) * 86_400_000_000 + interval.microseconds)
    }
}
