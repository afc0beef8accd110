/// A document (a `chantier-check/1` file, a program file) that cannot be used, with the field at fault.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    /// The path of the field, such as `calendar.class_days[3]`; empty for the document itself.
    public var field: String
    public var problem: String

    public init(field: String, problem: String) {
        self.field = field
        self.problem = QuotedText.bounded(problem)
    }

    public var description: String { field.isEmpty ? problem : "\(field): \(problem)" }

    /// The same error for a decoding failure, naming the field from its coding path.
    public init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(field: Self.path(context.codingPath + [key]), problem: "is required")
        case .valueNotFound(_, let context):
            self.init(field: Self.path(context.codingPath), problem: "must not be null")
        case .typeMismatch(let type, let context):
            self.init(field: Self.path(context.codingPath), problem: "must be \(Self.describe(type))")
        case .dataCorrupted(let context):
            self.init(field: Self.path(context.codingPath), problem: context.debugDescription)
        @unknown default:
            self.init(field: "", problem: "\(error)")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + QuotedText.cut(key.stringValue)
            }
        }
        return path
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}

/// Refuses keys outside `allowed` in the object being decoded: a misspelt key such as
/// `adult_supervison` must not silently change an answer about a child's work.
struct KnownKeys {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Refuses a key that is not one of `Keys` (nor of `alsoAllowed`), naming the known ones.
    static func check<Keys: CodingKey & CaseIterable>(
        _ decoder: any Decoder,
        allowed keys: Keys.Type,
        alsoAllowed: Set<String> = []
    ) throws {
        try check(decoder, allowed: Set(Keys.allCases.map(\.stringValue)).union(alsoAllowed))
    }

    private static func check(_ decoder: any Decoder, allowed: Set<String>) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = container.allKeys.map(\.stringValue).filter({ !allowed.contains($0) }).sorted().first {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [AnyKey(stringValue: unknown)],
                    debugDescription:
                        "is not a field of this object (known: \(allowed.sorted().joined(separator: ", ")))"
                )
            )
        }
    }
}
