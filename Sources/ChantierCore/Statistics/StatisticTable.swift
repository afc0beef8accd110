/// A statistic's figures: one row per group of the dimensions asked for, then the total over
/// all. Rows hold base figures (counts and minutes); shares, ratios and averages are computed
/// from them, so suppressing a count suppresses what is computed from it.
public struct StatisticTable: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// A group's name (a program, a month…).
            case dimension
            /// A number of people: a small one points at individuals.
            case people
            /// A number of things (weeks, assignments).
            case count
            /// Minutes of work of the people counted in the column `people`.
            case minutes(people: String)
            /// The share `of / in` of two count columns, as a percentage.
            case share(of: String, in: String)
            /// `of / per` of two count columns, as a decimal number.
            case ratio(of: String, per: String)
            /// Hours of a minutes column per unit of a count column.
            case average(minutes: String, per: String)
        }

        public var key: String
        public var label: String
        public var kind: Kind

        public init(_ key: String, _ label: String, _ kind: Kind) {
            self.key = key
            self.label = label
            self.kind = kind
        }

        /// Whether the rows hold its figures (counts and minutes), not computed ones.
        public var isBase: Bool {
            switch kind {
            case .people, .count, .minutes: true
            case .dimension, .share, .ratio, .average: false
            }
        }
    }

    public struct Row: Hashable, Sendable {
        /// The names of its groups, in the order of the dimension columns.
        public var keys: [String]
        /// Base figures by column key.
        public var values: [String: Int]

        public init(keys: [String], values: [String: Int]) {
            self.keys = keys
            self.values = values
        }
    }

    /// Where a figure is: a row's index, or `nil` for the total.
    public struct Position: Hashable, Sendable {
        public var row: Int?
        public var column: String

        public init(row: Int?, column: String) {
            self.row = row
            self.column = column
        }
    }

    public var statistic: Statistic
    public var columns: [Column]
    public var rows: [Row]
    public var total: Row
    /// What the statistic was asked (period, window, filters), to print beside it.
    public var parameters: [(name: String, value: String)]
    /// Figures hidden by small-cell suppression, and its threshold.
    public var suppressed: Set<Position> = []
    public var threshold: Int?

    public init(
        statistic: Statistic,
        columns: [Column],
        rows: [Row],
        total: Row,
        parameters: [(name: String, value: String)] = []
    ) {
        self.statistic = statistic
        self.columns = columns
        self.rows = rows
        self.total = total
        self.parameters = parameters
    }

    public static func == (lhs: StatisticTable, rhs: StatisticTable) -> Bool {
        lhs.statistic == rhs.statistic && lhs.columns == rhs.columns && lhs.rows == rhs.rows && lhs.total == rhs.total
            && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value) && lhs.suppressed == rhs.suppressed
            && lhs.threshold == rhs.threshold
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(statistic)
        hasher.combine(rows)
        hasher.combine(total)
    }

    public var dimensions: [Column] { columns.filter { $0.kind == .dimension } }

    public func column(_ key: String) -> Column? {
        columns.first { $0.key == key }
    }

    /// The row at `index`, or the total for `nil`.
    public func row(_ index: Int?) -> Row {
        index.map { rows[$0] } ?? total
    }
}
