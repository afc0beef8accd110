/// One `logfmt` line: `key=value` pairs, values quoted when they hold spaces, quotes or `=`.
struct LogfmtLine {
    private(set) var text = ""

    mutating func append(_ key: String, _ value: String) {
        if !text.isEmpty { text += " " }
        text += key + "=" + Self.quoted(value)
    }

    static func quoted(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty || value.contains { $0 == " " || $0 == "=" || $0 == "\"" || $0.isNewline || $0 == "\\" }
        guard needsQuotes else { return value }
        var quoted = "\""
        for character in value {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
