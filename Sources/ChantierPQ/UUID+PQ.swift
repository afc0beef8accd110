public import struct Foundation.UUID

extension UUID: PQCodable {
    public static var pqType: PQType { .uuid }

    public var pqText: String { uuidString.lowercased() }

    public init(pqText text: String) throws(PQDecodingError) {
        guard let value = UUID(uuidString: text) else { throw .invalid(text, as: UUID.self) }
        self = value
    }
}
