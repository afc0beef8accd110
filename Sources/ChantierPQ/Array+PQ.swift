/// A type that PostgreSQL can hold in a one-dimensional array.
public protocol PQArrayElement: PQCodable {
    /// The array type of this element type (`text[]` for `String`).
    static var pqArrayType: PQType { get }
}

extension String: PQArrayElement {
    public static var pqArrayType: PQType { .textArray }
}

extension Int: PQArrayElement {
    public static var pqArrayType: PQType { .int8Array }
}

extension Int32: PQArrayElement {
    public static var pqArrayType: PQType { .int4Array }
}

/// One-dimensional arrays (`text[]`, `bigint[]`, `integer[]`). A NULL element decodes only into an
/// optional element type; multi-dimensional arrays are refused.
extension Array: PQEncodable where Element: PQArrayElement {
    public static var pqType: PQType { Element.pqArrayType }

    public var pqText: String {
        "{" + map { PQText.quoteElement($0.pqText) }.joined(separator: ",") + "}"
    }
}

extension Array: PQDecodable where Element: PQDecodable {
    public init(pqText text: String) throws(PQDecodingError) {
        var scanner = PQText.Scanner(text)
        // Arrays whose lower bound is not 1 are prefixed with their dimensions: `[0:2]={…}`.
        if scanner.peek == UInt8(ascii: "[") {
            while let byte = scanner.peek, byte != UInt8(ascii: "=") { scanner.index += 1 }
            _ = scanner.skip(UInt8(ascii: "="))
        }
        guard scanner.skip(UInt8(ascii: "{")) else { throw .invalid(text, as: [Element].self) }
        var elements: [Element] = []
        if scanner.skip(UInt8(ascii: "}")) {
            guard scanner.isAtEnd else { throw .invalid(text, as: [Element].self) }
            self = elements
            return
        }
        let terminators: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "}")]
        while true {
            if scanner.peek == UInt8(ascii: "{") {
                throw PQDecodingError(reason: "multi-dimensional arrays are not supported")
            }
            guard let element = scanner.element(terminators: terminators) else {
                throw .invalid(text, as: [Element].self)
            }
            if !element.quoted && element.text.uppercased() == "NULL" {
                elements.append(try Element.pqNull())
            } else {
                elements.append(try Element(pqText: element.text))
            }
            if scanner.skip(UInt8(ascii: "}")) { break }
            guard scanner.skip(UInt8(ascii: ",")) else { throw .invalid(text, as: [Element].self) }
        }
        guard scanner.isAtEnd else { throw .invalid(text, as: [Element].self) }
        self = elements
    }
}
