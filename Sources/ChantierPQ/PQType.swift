/// A PostgreSQL type, by OID, as sent with each parameter so the server never has to guess.
public struct PQType: Hashable, Sendable {
    public let oid: UInt32

    public init(oid: UInt32) {
        self.oid = oid
    }

    /// Let the server infer the type from the context.
    public static let unspecified = PQType(oid: 0)
    public static let bool = PQType(oid: 16)
    public static let bytea = PQType(oid: 17)
    public static let int8 = PQType(oid: 20)
    public static let int2 = PQType(oid: 21)
    public static let int4 = PQType(oid: 23)
    public static let text = PQType(oid: 25)
    public static let json = PQType(oid: 114)
    public static let float8 = PQType(oid: 701)
    public static let int4Array = PQType(oid: 1007)
    public static let textArray = PQType(oid: 1009)
    public static let int8Array = PQType(oid: 1016)
    public static let date = PQType(oid: 1082)
    public static let time = PQType(oid: 1083)
    public static let timestamp = PQType(oid: 1114)
    public static let timestamptz = PQType(oid: 1184)
    public static let interval = PQType(oid: 1186)
    public static let numeric = PQType(oid: 1700)
    public static let uuid = PQType(oid: 2950)
    public static let jsonb = PQType(oid: 3802)
    public static let tstzrange = PQType(oid: 3910)
    public static let daterange = PQType(oid: 3912)
    public static let int8range = PQType(oid: 3926)
}
