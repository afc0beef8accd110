import ChantierCore

/// What the OpenAPI document says a query or path parameter may be — its type, bounds, length,
/// format and choices — checked before a handler runs, since the generated server checks types
/// only: a `limit` of -1 or a 10,000-character search is a 400 naming the parameter, never a
/// database error.
struct ParameterRule: Sendable, Hashable {
    enum Location: String, Sendable, Hashable {
        case query, path
    }

    var name: String
    var location: Location
    var type: String
    var minimum: Int?
    var maximum: Int?
    var minLength: Int?
    var maxLength: Int?
    var format: String?
    var choices: [String]?

    /// Reads a parameter object of the document (`$ref`s resolved by the caller); `nil` for
    /// headers and cookies.
    init?(_ parameter: [String: Any]) {
        guard let name = parameter["name"] as? String,
            let location = (parameter["in"] as? String).flatMap(Location.init(rawValue:)),
            let schema = parameter["schema"] as? [String: Any]
        else { return nil }
        self.name = name
        self.location = location
        type = schema["type"] as? String ?? "string"
        minimum = schema["minimum"] as? Int
        maximum = schema["maximum"] as? Int
        minLength = schema["minLength"] as? Int
        maxLength = schema["maxLength"] as? Int
        format = schema["format"] as? String
        choices = schema["enum"] as? [String]
    }

    /// The problem with `value`, lower case and saying what is expected; `nil` when it is fine.
    func problem(with value: Substring) -> String? {
        if value.contains("\u{0}") { return "\(name) must not contain the NUL character" }
        switch type {
        case "integer":
            guard let number = Int(value) else { return "\(name) must be a whole number, not \"\(value)\"" }
            if let minimum, number < minimum { return "\(name) must be \(minimum) or more, not \(number)" }
            if let maximum, number > maximum { return "\(name) must be \(maximum) or less, not \(number)" }
        case "boolean":
            guard value == "true" || value == "false" else { return "\(name) must be true or false" }
        default:
            if let minLength, value.count < minLength {
                return "\(name) must be at least \(minLength) character\(minLength == 1 ? "" : "s") long"
            }
            if let maxLength, value.count > maxLength { return "\(name) must be at most \(maxLength) characters" }
            if format == "date", LocalDate(iso: String(value)) == nil {
                return "\(name) must be a day such as 2026-11-23, not \"\(value)\""
            }
            if let choices, !choices.contains(String(value)) {
                return "\(name) must be one of \(choices.joined(separator: ", ")), not \"\(value)\""
            }
        }
        return nil
    }
}
