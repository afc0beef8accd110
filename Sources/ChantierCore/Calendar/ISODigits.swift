/// Reads the fixed-width ISO 8601 texts of dates and times byte by byte: they are parsed for every
/// row the database returns, so this avoids splitting strings into characters.
enum ISODigits {
    /// The numbers of `bytes` laid out as `pattern`, where `9` is a digit and any other byte must
    /// be there as is (`"9999-99-99"`); `nil` unless the bytes match it exactly.
    static func numbers(_ bytes: some Sequence<UInt8>, pattern: StaticString) -> [Int]? {
        var numbers: [Int] = []
        var current: Int?
        var index = 0
        let count = pattern.utf8CodeUnitCount
        for byte in bytes {
            guard index < count else { return nil }
            let expected = pattern.utf8Start[index]
            if expected == UInt8(ascii: "9") {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                guard byte == expected else { return nil }
                if let value = current { numbers.append(value) }
                current = nil
            }
            index += 1
        }
        guard index == count else { return nil }
        if let value = current { numbers.append(value) }
        return numbers
    }
}
