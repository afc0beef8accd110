/// Amounts of money in cents, exact: no binary floating point ever holds one.
public enum Money {
    /// `16.5`, `16.50` or `16` as cents; `nil` for anything else (more than two decimals too).
    public static func cents(_ text: String) -> Int? {
        let parts = text.trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isNumber)
        else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        let decimals = parts[1]
        guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isNumber), let fraction = Int(decimals) else {
            return nil
        }
        return whole * 100 + (decimals.count == 1 ? fraction * 10 : fraction)
    }

    /// Cents as `16.50`.
    public static func text(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let value = abs(cents)
        return "\(sign)\(value / 100)." + (value % 100 < 10 ? "0" : "") + "\(value % 100)"
    }

    /// `minutes` at `rateCents` an hour, rounded to the nearest cent (halves up).
    public static func amount(minutes: Int, rateCents: Int) -> Int {
        (minutes * rateCents * 2 + 60) / 120
    }
}
