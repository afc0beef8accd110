public import struct Foundation.Date

/// A type PostgreSQL has a range type of (`tstzrange`, `daterange`, `int8range`).
public protocol PQRangeBound: PQCodable, Hashable {
    static var pqRangeType: PQType { get }
}

extension Date: PQRangeBound {
    public static var pqRangeType: PQType { .tstzrange }
}

extension PQDate: PQRangeBound {
    public static var pqRangeType: PQType { .daterange }
}

extension Int: PQRangeBound {
    public static var pqRangeType: PQType { .int8range }
}

/// A PostgreSQL range value: bounds that may be absent (unbounded) and inclusive or exclusive,
/// or empty.
public struct PQRange<Bound: PQRangeBound>: Hashable, Sendable {
    public var lower: Bound?
    public var upper: Bound?
    public var lowerInclusive: Bool
    public var upperInclusive: Bool
    public var isEmpty: Bool

    /// A range `[lower, upper)` by default, as Chantier stores every interval.
    public init(lower: Bound?, upper: Bound?, lowerInclusive: Bool = true, upperInclusive: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.lowerInclusive = lower != nil && lowerInclusive
        self.upperInclusive = upper != nil && upperInclusive
        self.isEmpty = false
    }

    public static var empty: PQRange {
        var range = PQRange(lower: nil, upper: nil)
        range.isEmpty = true
        return range
    }
}

extension PQRange where Bound: Comparable {
    /// The half-open range `[range.lowerBound, range.upperBound)`.
    public init(_ range: Range<Bound>) {
        self.init(lower: range.lowerBound, upper: range.upperBound)
    }

    /// The half-open Swift range, when both bounds are present and the range is `[lower, upper)`.
    public var halfOpen: Range<Bound>? {
        guard !isEmpty, let lower, let upper, lowerInclusive, !upperInclusive, lower <= upper else { return nil }
        return lower..<upper
    }
}

extension PQRange: PQCodable {
    public static var pqType: PQType { Bound.pqRangeType }

    public var pqText: String {
        if isEmpty { return "empty" }
        return (lowerInclusive ? "[" : "(") + (lower.map { PQText.quoteElement($0.pqText) } ?? "") + ","
            + (upper.map { PQText.quoteElement($0.pqText) } ?? "") + (upperInclusive ? "]" : ")")
    }

    public init(pqText text: String) throws(PQDecodingError) {
        if text == "empty" {
            self = .empty
            return
        }
        var scanner = PQText.Scanner(text)
        let lowerInclusive: Bool
        if scanner.skip(UInt8(ascii: "[")) {
            lowerInclusive = true
        } else if scanner.skip(UInt8(ascii: "(")) {
            lowerInclusive = false
        } else {
            throw .invalid(text, as: PQRange.self)
        }
        guard let lowerText = scanner.element(terminators: [UInt8(ascii: ",")]), scanner.skip(UInt8(ascii: ",")),
            let upperText = scanner.element(terminators: [UInt8(ascii: "]"), UInt8(ascii: ")")])
        else { throw .invalid(text, as: PQRange.self) }
        let upperInclusive: Bool
        if scanner.skip(UInt8(ascii: "]")) {
            upperInclusive = true
        } else if scanner.skip(UInt8(ascii: ")")) {
            upperInclusive = false
        } else {
            throw .invalid(text, as: PQRange.self)
        }
        guard scanner.isAtEnd else { throw .invalid(text, as: PQRange.self) }
        let lower = lowerText.text.isEmpty && !lowerText.quoted ? nil : try Bound(pqText: lowerText.text)
        let upper = upperText.text.isEmpty && !upperText.quoted ? nil : try Bound(pqText: upperText.text)
        self.init(lower: lower, upper: upper, lowerInclusive: lowerInclusive, upperInclusive: upperInclusive)
    }
}
