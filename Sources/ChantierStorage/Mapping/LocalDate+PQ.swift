public import ChantierCore
public import ChantierPQ

/// A domain date is a PostgreSQL `date`.
extension LocalDate: PQEncodable, PQDecodable, PQRangeBound, PQArrayElement {
    public static var pqArrayType: PQType { PQType(oid: 1182) }
    public static var pqType: PQType { .date }
    public static var pqRangeType: PQType { .daterange }

    public var pqText: String { PQDate(daysSinceEpoch: daysSinceEpoch).pqText }

    public init(pqText text: String) throws(PQDecodingError) {
        self.init(daysSinceEpoch: try PQDate(pqText: text).daysSinceEpoch)
    }
}
