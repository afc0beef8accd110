/// What a table shows: each figure computed and formatted, or hidden.
extension StatisticTable {
    public enum Cell: Hashable, Sendable {
        case text(String)
        case count(Int)
        /// Hours, from minutes.
        case hours(Double)
        /// A share from 0 to 1.
        case share(Double)
        case ratio(Double)
        /// Hidden by suppression: fewer than the threshold.
        case suppressed(threshold: Int)
        /// Nothing to compute (a share of zero).
        case empty

        /// The number a script reads: counts, hours, shares from 0 to 1; `nil` when hidden or empty.
        public var number: Double? {
            switch self {
            case .count(let value): Double(value)
            case .hours(let value), .share(let value), .ratio(let value): value
            case .text, .suppressed, .empty: nil
            }
        }

        /// `59.2 %`, `1234.5`, `<5`.
        public var display: String {
            switch self {
            case .text(let text): text
            case .count(let value): "\(value)"
            case .hours(let value), .ratio(let value): Self.decimal(value)
            case .share(let value): Self.decimal(value * 100) + " %"
            case .suppressed(let threshold): "<\(threshold)"
            case .empty: ""
            }
        }

        /// One decimal, rounded half away from zero: 59.23 → "59.2".
        static func decimal(_ value: Double) -> String {
            let tenths = (value * 10).rounded(.toNearestOrAwayFromZero)
            let whole = Int(tenths / 10)
            let fraction = Int(abs(tenths).truncatingRemainder(dividingBy: 10))
            return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
        }
    }

    /// The cells of the row at `index` (or the total), one per column.
    public func cells(row index: Int?) -> [Cell] {
        let row = row(index)
        var dimension = 0
        return columns.map { column in
            if column.kind == .dimension {
                defer { dimension += 1 }
                return .text(index == nil ? "total" : row.keys[dimension])
            }
            if let threshold, isHidden(Position(row: index, column: column.key)) {
                return .suppressed(threshold: threshold)
            }
            let value = { (key: String) in Double(row.values[key] ?? 0) }
            switch column.kind {
            case .dimension: return .empty
            case .people, .count: return .count(row.values[column.key] ?? 0)
            case .minutes: return .hours(value(column.key) / 60)
            case .share(let of, let total): return value(total) == 0 ? .empty : .share(value(of) / value(total))
            case .ratio(let of, let per): return value(per) == 0 ? .empty : .ratio(value(of) / value(per))
            case .average(let minutes, let per):
                return value(per) == 0 ? .empty : .hours(value(minutes) / 60 / value(per))
            }
        }
    }

    /// Whether a figure is hidden: suppressed itself, or computed from a suppressed figure.
    public func isHidden(_ position: Position) -> Bool {
        guard let column = column(position.column) else { return false }
        let hidden = { (key: String) in suppressed.contains(Position(row: position.row, column: key)) }
        switch column.kind {
        case .dimension: return false
        case .people, .count, .minutes: return hidden(column.key)
        case .share(let a, let b), .ratio(let a, let b), .average(let a, let b): return hidden(a) || hidden(b)
        }
    }

    /// A figure of the table by its group names (a row) or the total (`nil`).
    public func cell(_ column: String, keys: [String]?) -> Cell? {
        let index: Int?
        if let keys {
            guard let found = rows.firstIndex(where: { $0.keys == keys }) else { return nil }
            index = found
        } else {
            index = nil
        }
        guard let position = columns.firstIndex(where: { $0.key == column }) else { return nil }
        return cells(row: index)[position]
    }
}
