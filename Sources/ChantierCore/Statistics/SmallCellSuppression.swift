/// Hides the figures of a table that would let a reader identify people, for anything that
/// leaves the organisation:
///
/// 1. a count of people below the threshold is hidden, and a count that is the numerator of a
///    share of people is hidden too when its complement (the denominator less it) is below the
///    threshold: "all but 2 returned to work" names those 2 as surely as "2 returned";
/// 2. minutes are hidden with the count of the people they are the time of, and counts of things
///    (weeks, assignments) with a hidden count of people in their row;
/// 3. shares, ratios and averages are hidden with any figure they are computed from;
/// 4. a hidden figure must not be recomputable from the total: when a column has exactly one
///    hidden figure among the groups and its total is shown, the smallest other figure of the
///    column is hidden too (or the total, when there is none), until no column has one alone.
public struct SmallCellSuppression: Hashable, Sendable {
    public var threshold: Int

    public init(threshold: Int = 5) {
        self.threshold = max(1, threshold)
    }

    public func apply(to table: StatisticTable) -> StatisticTable {
        var table = table
        table.threshold = threshold
        let indices: [Int?] = Array(table.rows.indices) + [nil]
        var hidden = Set<StatisticTable.Position>()
        for index in indices {
            let row = table.row(index)
            for column in table.columns {
                let value = { row.values[$0] ?? 0 }
                switch column.kind {
                case .people:
                    if value(column.key) < threshold { hidden.insert(.init(row: index, column: column.key)) }
                case .share(let of, let total) where table.column(total)?.kind == .people:
                    if value(total) - value(of) < threshold { hidden.insert(.init(row: index, column: of)) }
                case .dimension, .count, .minutes, .share, .ratio, .average:
                    break
                }
            }
        }
        var changed = true
        while changed {
            changed = false
            // Minutes go with their people; other counts with the row's people.
            for index in indices {
                let fewPeople = table.columns.contains {
                    $0.kind == .people && hidden.contains(.init(row: index, column: $0.key))
                }
                for column in table.columns {
                    let goes =
                        switch column.kind {
                        case .minutes(let people): hidden.contains(.init(row: index, column: people))
                        case .count: fewPeople
                        default: false
                        }
                    if goes, hidden.insert(.init(row: index, column: column.key)).inserted { changed = true }
                }
            }
            // No figure alone in its column against a shown total.
            for column in table.columns where column.isBase {
                guard !hidden.contains(.init(row: nil, column: column.key)) else { continue }
                let rows = table.rows.indices
                let alone = rows.filter { hidden.contains(.init(row: $0, column: column.key)) }
                guard alone.count == 1 else { continue }
                let partner =
                    rows.filter { !hidden.contains(.init(row: $0, column: column.key)) }
                    .min { (table.rows[$0].values[column.key] ?? 0, $0) < (table.rows[$1].values[column.key] ?? 0, $1) }
                hidden.insert(.init(row: partner, column: column.key))
                changed = true
            }
        }
        table.suppressed = hidden
        return table
    }
}
