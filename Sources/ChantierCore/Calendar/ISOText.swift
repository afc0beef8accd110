/// A value that JSON and configuration files write as ISO 8601 text (`2026-11-21`, `16:00`,
/// `2026-11-21T16:00`), and that decodes with a message saying which form was expected.
protocol ISOText: Codable, CustomStringConvertible {
    /// The value `text` writes, or `nil`.
    static func parse(_ text: String) -> Self?
    /// The expected form, for error messages: "a YYYY-MM-DD date".
    static var textForm: String { get }
}

extension ISOText {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text)\" is not \(Self.textForm)"
            )
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
