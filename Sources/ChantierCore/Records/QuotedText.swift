/// Keeps error messages short whatever the input held: a message quotes the value at fault, and a
/// file or request may hold a value of any length.
public enum QuotedText {
    /// The longest value a message quotes whole.
    public static let limit = 60

    /// `text` cut to ``limit`` characters, the last one an ellipsis, when it is longer.
    public static func cut(_ text: String) -> String {
        text.count > limit ? text.prefix(limit - 1) + "…" : text
    }

    /// `message` with every `"…"` quotation longer than ``limit`` characters cut to it.
    public static func bounded(_ message: String) -> String {
        guard message.count > limit else { return message }
        var result = ""
        var quoted: String?
        for character in message {
            if character == "\"" {
                if let text = quoted {
                    result += cut(text) + "\""
                    quoted = nil
                } else {
                    quoted = "\""
                }
            } else if quoted != nil {
                quoted!.append(character)
            } else {
                result.append(character)
            }
        }
        if let text = quoted { result += cut(text) }
        return result
    }
}
