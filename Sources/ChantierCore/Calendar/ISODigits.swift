/// Reads the fixed-width ISO 8601 texts of dates and times byte by byte: they are parsed for every
/// row the database returns, so this works on the text's UTF-8 in place, with no allocation.
enum ISODigits {
    /// Up to three numbers, kept inline.
    struct Numbers {
        private var values: (Int, Int, Int) = (0, 0, 0)
        private(set) var count = 0

        subscript(index: Int) -> Int {
            precondition(index < count, "ISODigits.Numbers: no number \(index)")
            return switch index {
            case 0: values.0
            case 1: values.1
            default: values.2
            }
        }

        fileprivate mutating func append(_ value: Int) {
            switch count {
            case 0: values.0 = value
            case 1: values.1 = value
            default: values.2 = value
            }
            count += 1
        }
    }

    /// The numbers of `bytes` laid out as `pattern`, where `9` is a digit and any other byte must
    /// be there as is (`"9999-99-99"`, at most three numbers); `nil` unless the bytes match it exactly.
    static func numbers(_ bytes: UnsafeBufferPointer<UInt8>, pattern: StaticString) -> Numbers? {
        let count = pattern.utf8CodeUnitCount
        guard bytes.count == count else { return nil }
        var numbers = Numbers()
        var current: Int?
        for index in 0..<count {
            let byte = bytes[index]
            let expected = pattern.utf8Start[index]
            if expected == UInt8(ascii: "9") {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                guard byte == expected else { return nil }
                if let value = current { numbers.append(value) }
                current = nil
            }
        }
        if let value = current { numbers.append(value) }
        return numbers
    }

    /// Runs `body` on the UTF-8 of `text`, in place when the text is stored contiguously (a copy
    /// otherwise).
    static func withUTF8<Result>(
        _ text: some StringProtocol,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(text)
        return copy.withUTF8(body)
    }
}
