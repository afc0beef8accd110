public import ChantierCore
public import ChantierPQ

/// A domain time of day is a PostgreSQL `time`; seconds are dropped (the domain counts minutes).
extension LocalTime: PQEncodable, PQDecodable {
    public static var pqType: PQType { .time }

    public var pqText: String { description }

    public init(pqText text: String) throws(PQDecodingError) {
        guard let time = LocalTime(iso: text.prefix(5)) else {
            throw PQDecodingError(reason: "\"\(text)\" is not a time of day")
        }
        self = time
    }
}

/// A local date and time in the organisation's time zone, as `to_char(…, 'YYYY-MM-DD"T"HH24:MI')`
/// writes it.
extension LocalDateTime: PQDecodable {
    public init(pqText text: String) throws(PQDecodingError) {
        guard let value = LocalDateTime(iso: text) else {
            throw PQDecodingError(reason: "\"\(text)\" is not a local date and time")
        }
        self = value
    }
}
