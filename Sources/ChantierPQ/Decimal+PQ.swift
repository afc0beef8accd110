public import Foundation

/// `numeric`, exactly: a value with more significant digits than `Decimal` holds (38) is refused
/// rather than rounded. `NaN` maps to `Decimal.nan`.
extension Decimal: PQCodable {
    public static var pqType: PQType { .numeric }

    public var pqText: String { isNaN ? "NaN" : description }

    public init(pqText text: String) throws(PQDecodingError) {
        if text == "NaN" {
            self = .nan
            return
        }
        let significant = text.drop { $0 == "-" || $0 == "0" || $0 == "." }.filter { $0 != "." }
        let digits = significant.reversed().drop { $0 == "0" }.count
        guard digits <= 38 else {
            throw PQDecodingError(reason: "\(text.count)-character numeric has more than the 38 digits of Decimal")
        }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw .invalid(text, as: Decimal.self)
        }
        self = value
    }
}
