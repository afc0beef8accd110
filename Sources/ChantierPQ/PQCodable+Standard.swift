extension Int: PQCodable {
    public static var pqType: PQType { .int8 }
    public var pqText: String { String(self) }

    public init(pqText text: String) throws(PQDecodingError) {
        guard let value = Int(text) else { throw .invalid(text, as: Int.self) }
        self = value
    }
}

extension Int64: PQCodable {
    public static var pqType: PQType { .int8 }
    public var pqText: String { String(self) }

    public init(pqText text: String) throws(PQDecodingError) {
        guard let value = Int64(text) else { throw .invalid(text, as: Int64.self) }
        self = value
    }
}

extension Int32: PQCodable {
    public static var pqType: PQType { .int4 }
    public var pqText: String { String(self) }

    public init(pqText text: String) throws(PQDecodingError) {
        guard let value = Int32(text) else { throw .invalid(text, as: Int32.self) }
        self = value
    }
}

extension Int16: PQCodable {
    public static var pqType: PQType { .int2 }
    public var pqText: String { String(self) }

    public init(pqText text: String) throws(PQDecodingError) {
        guard let value = Int16(text) else { throw .invalid(text, as: Int16.self) }
        self = value
    }
}

extension String: PQCodable {
    public static var pqType: PQType { .text }
    public var pqText: String { self }

    public init(pqText text: String) throws(PQDecodingError) {
        self = text
    }
}

extension Bool: PQCodable {
    public static var pqType: PQType { .bool }
    public var pqText: String { self ? "true" : "false" }

    public init(pqText text: String) throws(PQDecodingError) {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw .invalid(text, as: Bool.self)
        }
    }
}

extension Double: PQCodable {
    public static var pqType: PQType { .float8 }

    public var pqText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return String(self)
    }

    public init(pqText text: String) throws(PQDecodingError) {
        switch text {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default:
            guard let value = Double(text) else { throw .invalid(text, as: Double.self) }
            self = value
        }
    }
}
