/// The checks the records of the registry share, each throwing a ``RecordError`` that names the
/// field. Text is trimmed; an empty optional text means "none".
public enum RecordFields {
    /// A code such as `adelard-dugre`.
    public static func code(_ value: String, field: String = "code") throws(RecordError) -> String {
        guard ReferenceCode.isValid(value) else { throw RecordError(field: field, "must be \(ReferenceCode.rule)") }
        return value
    }

    /// Required text of at most `maximum` characters.
    public static func text(_ value: String, field: String, maximum: Int = 200) throws(RecordError) -> String {
        let trimmed = value.trimmed
        guard !trimmed.isEmpty else { throw RecordError(field: field, "must not be blank") }
        guard trimmed.count <= maximum else { throw RecordError(field: field, "must be at most \(maximum) characters") }
        return trimmed
    }

    /// Optional text: `nil` or blank is none.
    public static func optionalText(
        _ value: String?,
        field: String,
        maximum: Int = 2000
    ) throws(RecordError)
        -> String?
    {
        guard let trimmed = value?.trimmed, !trimmed.isEmpty else { return nil }
        guard trimmed.count <= maximum else { throw RecordError(field: field, "must be at most \(maximum) characters") }
        return trimmed
    }

    /// An optional e-mail address: something@something.
    public static func email(_ value: String?, field: String = "email") throws(RecordError) -> String? {
        guard let address = try optionalText(value, field: field, maximum: 254) else { return nil }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !address.contains(where: \.isWhitespace)
        else { throw RecordError(field: field, "\"\(address)\" is not an e-mail address") }
        return address
    }

    /// An integer within `range`.
    public static func integer(_ value: Int, field: String, in range: ClosedRange<Int>) throws(RecordError) -> Int {
        guard range.contains(value) else {
            throw RecordError(field: field, "must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
        }
        return value
    }

    /// A `YYYY-MM-DD` date.
    public static func date(_ text: String, field: String) throws(RecordError) -> LocalDate {
        guard let date = LocalDate(iso: text.trimmed) else {
            throw RecordError(field: field, "\"\(text)\" is not a YYYY-MM-DD date")
        }
        return date
    }

    /// An optional `YYYY-MM-DD` date: `nil` or blank is none.
    public static func optionalDate(_ text: String?, field: String) throws(RecordError) -> LocalDate? {
        guard let text, !text.trimmed.isEmpty else { return nil }
        return try date(text, field: field)
    }

    /// An `HH:MM` time.
    public static func time(_ text: String, field: String) throws(RecordError) -> LocalTime {
        guard let time = LocalTime(iso: text.trimmed) else {
            throw RecordError(field: field, "\"\(text)\" is not an HH:MM time")
        }
        return time
    }

    /// An optional `HH:MM` time: `nil` or blank is none.
    public static func optionalTime(_ text: String?, field: String) throws(RecordError) -> LocalTime? {
        guard let text, !text.trimmed.isEmpty else { return nil }
        return try time(text, field: field)
    }

    /// A Unix user or group name: 1 to 32 ASCII characters, no space and no colon.
    public static func unixName(_ text: String, field: String) throws(RecordError) -> String {
        guard !text.isEmpty, text.count <= 32, text.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != ":" }) else {
            throw RecordError(field: field, "\"\(text)\" is not a Unix user or group name")
        }
        return text
    }

    /// One of the raw values of `Value`.
    public static func choice<Value: RawRepresentable & CaseIterable>(
        _ text: String,
        field: String,
        as: Value.Type = Value.self
    ) throws(RecordError) -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: text.trimmed) else {
            let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw RecordError(field: field, "\"\(text)\" is not one of \(names)")
        }
        return value
    }

    /// Distinct, non-blank words such as skills or task codes.
    public static func names(_ values: [String], field: String) throws(RecordError) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for value in values {
            let name = value.trimmed
            guard !name.isEmpty, name.count <= 100 else {
                throw RecordError(field: field, "each value must be 1 to 100 characters")
            }
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// Weekly windows in ``WeeklyWindow`` text form.
    public static func windows(_ texts: [String], field: String) throws(RecordError) -> [WeeklyWindow] {
        var windows: [WeeklyWindow] = []
        for text in texts {
            guard let window = WeeklyWindow(text: text) else {
                throw RecordError(field: field, "\"\(text)\" is not \(WeeklyWindow.textForm)")
            }
            windows.append(window)
        }
        return windows
    }
}

extension StringProtocol {
    /// Without leading and trailing white space.
    var trimmed: String {
        // Most text has none: its first and last bytes are printable ASCII, and it is kept whole.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first),
            (0x21...0x7E).contains(last)
        {
            return text
        }
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
            let end = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[start...end])
    }
}
