/// Helpers to read and write PostgreSQL's text formats without Foundation formatters or locales.
enum PQText {
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return value < 0 ? "-" + padded : padded
    }

    /// `text` double-quoted for an array or range literal, with `"` and `\\` escaped.
    static func quoteElement(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// A cursor over the UTF-8 bytes of a value's text.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ text: String) {
            bytes = Array(text.utf8)
        }

        var isAtEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func skip(_ text: String) -> Bool {
            let expected = Array(text.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected
            else { return false }
            index += expected.count
            return true
        }

        /// An unsigned decimal integer of `minDigits...maxDigits` digits.
        mutating func integer(minDigits: Int = 1, maxDigits: Int = 18) -> Int? {
            var value = 0
            var count = 0
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < maxDigits {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                index += 1
                count += 1
            }
            return count >= minDigits ? value : nil
        }

        /// `YYYY-MM-DD` as written by PostgreSQL; the caller applies a trailing ` BC` (``era(of:)``).
        mutating func dateComponents() -> (year: Int, month: Int, day: Int)? {
            guard let year = integer(minDigits: 4, maxDigits: 9), skip(UInt8(ascii: "-")),
                let month = integer(minDigits: 2, maxDigits: 2), skip(UInt8(ascii: "-")),
                let day = integer(minDigits: 2, maxDigits: 2)
            else { return nil }
            return (year, month, day)
        }

        /// The astronomical year of `year`, reading PostgreSQL's optional ` BC` suffix.
        mutating func era(of year: Int) -> Int {
            skip(" BC") ? 1 - year : year
        }

        /// `HH:MM:SS[.ffffff]` as microseconds since midnight.
        mutating func timeOfDay() -> Int64? {
            guard let hour = integer(minDigits: 2, maxDigits: 2), skip(UInt8(ascii: ":")),
                let minute = integer(minDigits: 2, maxDigits: 2), skip(UInt8(ascii: ":")),
                let second = integer(minDigits: 2, maxDigits: 2), hour <= 24, minute < 60, second <= 60
            else { return nil }
            var micros = Int64((hour * 60 + minute) * 60 + second) * 1_000_000
            if skip(UInt8(ascii: ".")) {
                let start = index
                guard var fraction = integer(minDigits: 1, maxDigits: 6) else { return nil }
                for _ in (index - start)..<6 { fraction *= 10 }
                micros += Int64(fraction)
            }
            return micros
        }

        /// A UTC offset `+HH[:MM[:SS]]` in seconds.
        mutating func utcOffset() -> Int? {
            let sign: Int
            if skip(UInt8(ascii: "+")) {
                sign = 1
            } else if skip(UInt8(ascii: "-")) {
                sign = -1
            } else {
                return nil
            }
            guard let hours = integer(minDigits: 2, maxDigits: 2) else { return nil }
            var seconds = hours * 3600
            if skip(UInt8(ascii: ":")) {
                guard let minutes = integer(minDigits: 2, maxDigits: 2) else { return nil }
                seconds += minutes * 60
                if skip(UInt8(ascii: ":")) {
                    guard let extra = integer(minDigits: 2, maxDigits: 2) else { return nil }
                    seconds += extra
                }
            }
            return sign * seconds
        }

        /// One element of an array or range literal, up to (not including) the next byte in
        /// `terminators`: a quoted string, or unquoted text with backslash escapes.
        /// - Returns: the element's text, and whether it was quoted (an unquoted `NULL` is NULL).
        mutating func element(terminators: Set<UInt8>) -> (text: String, quoted: Bool)? {
            var value: [UInt8] = []
            let quoted = skip(UInt8(ascii: "\""))
            while let byte = peek {
                if quoted && byte == UInt8(ascii: "\"") {
                    index += 1
                    // Ranges double a quote inside a quoted bound.
                    guard skip(UInt8(ascii: "\"")) else { return (String(decoding: value, as: UTF8.self), true) }
                    value.append(byte)
                    continue
                }
                if !quoted && terminators.contains(byte) { break }
                index += 1
                if byte == UInt8(ascii: "\\") {
                    guard let escaped = peek else { return nil }
                    index += 1
                    value.append(escaped)
                } else {
                    value.append(byte)
                }
            }
            // A quoted element must end with its closing quote.
            return quoted ? nil : (String(decoding: value, as: UTF8.self), false)
        }
    }
}

extension PQText {
    /// Calls `body` with NUL-terminated copies of `strings` (`nil` stays a null pointer), valid
    /// only during the call.
    static func withCStrings<Result>(
        _ strings: [String?],
        _ body: ([UnsafePointer<CChar>?]) throws -> Result
    ) rethrows -> Result {
        var copies: [UnsafeMutablePointer<CChar>?] = []
        copies.reserveCapacity(strings.count)
        defer {
            for copy in copies { copy?.deallocate() }
        }
        for string in strings {
            guard let string else {
                copies.append(nil)
                continue
            }
            let utf8 = Array(string.utf8CString)
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count)
            copy.initialize(from: utf8, count: utf8.count)
            copies.append(copy)
        }
        return try body(copies.map { $0.map { UnsafePointer($0) } })
    }

    /// A libpq message as one line: trailing newlines removed, inner line breaks turned into "; ".
    static func trimmedMessage(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        let lines = String(cString: message).split(whereSeparator: \.isNewline).map {
            $0.trimmingPrefix(while: \.isWhitespace)
        }
        return lines.isEmpty ? "unknown error" : lines.joined(separator: "; ")
    }
}
