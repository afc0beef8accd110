/// A Swift value that can be sent as a query parameter, in PostgreSQL's text format.
public protocol PQEncodable: Sendable {
    /// The PostgreSQL type the value is sent as.
    static var pqType: PQType { get }
    /// The value in PostgreSQL's text input syntax for ``pqType``.
    var pqText: String { get }
}

/// A Swift value that can be read from a result column in PostgreSQL's text format.
public protocol PQDecodable {
    /// Decodes a non-NULL column value.
    ///
    /// - Throws: ``PQDecodingError`` when the text is not valid for this type.
    init(pqText text: String) throws(PQDecodingError)

    /// The value for a NULL column. Non-optional types throw; `Optional` returns `nil`.
    static func pqNull() throws(PQDecodingError) -> Self
}

extension PQDecodable {
    public static func pqNull() throws(PQDecodingError) -> Self {
        throw PQDecodingError(isNull: true, reason: "is NULL but \(Self.self) is not optional")
    }
}

public typealias PQCodable = PQEncodable & PQDecodable

/// Why a column could not be decoded; ``PQRow`` turns it into a ``PQError`` naming the column.
public struct PQDecodingError: Error, Sendable {
    public var isNull: Bool
    public var reason: String

    public init(isNull: Bool = false, reason: String) {
        self.isNull = isNull
        self.reason = reason
    }

    static func invalid(_ text: String, as type: Any.Type) -> PQDecodingError {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return PQDecodingError(reason: "holds \"\(shown)\", which is not a valid \(type)")
    }
}

extension Optional: PQDecodable where Wrapped: PQDecodable {
    public init(pqText text: String) throws(PQDecodingError) {
        self = .some(try Wrapped(pqText: text))
    }

    public static func pqNull() throws(PQDecodingError) -> Wrapped? { nil }
}
