public import struct Foundation.Data
public import class Foundation.JSONDecoder
public import class Foundation.JSONEncoder

/// A `jsonb` (or `json`) document, kept as its text; encode and decode Codable values through it.
public struct PQJSON: Hashable, Sendable, CustomStringConvertible {
    /// The document's JSON text.
    public var text: String

    public init(text: String) {
        self.text = text
    }

    /// The JSON encoding of `value`.
    public init<Value: Encodable>(encoding value: Value, encoder: JSONEncoder = JSONEncoder()) throws {
        text = String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The document decoded as `type`.
    public func decode<Value: Decodable>(_ type: Value.Type, decoder: JSONDecoder = JSONDecoder()) throws -> Value {
        try decoder.decode(type, from: Data(text.utf8))
    }

    public var description: String { text }
}

extension PQJSON: PQCodable {
    public static var pqType: PQType { .jsonb }
    public var pqText: String { text }

    public init(pqText text: String) throws(PQDecodingError) {
        self.text = text
    }
}
