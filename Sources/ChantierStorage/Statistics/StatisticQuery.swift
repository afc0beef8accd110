import ChantierCore
import ChantierPQ

/// A statistic's SQL: its facts, with one column per dimension asked for (named after it), and
/// the aggregates of its base columns.
struct StatisticQuery: Sendable {
    /// `SELECT <dimensions>, … FROM …`: `dimensions` renders the dimension columns.
    var facts: PQQuery
    var columns: [StatisticTable.Column]
    /// The aggregate over the facts of each base column, by key.
    var aggregates: [(key: String, sql: PQQuery)]
    /// The rows the total aggregates, selected from `facts`, when they are not the facts
    /// themselves: with the facts made a row per group and person, the total counts each person
    /// once.
    var totalFacts: PQQuery? = nil

    static func columnName(_ dimension: StatisticDimension) -> PQQuery {
        PQQuery(unsafeSQL: String(dimension.rawValue.map { $0 == "-" ? "_" : $0 }))
    }

    /// `<expression> AS <name>, …` for the dimensions, with a trailing comma when there are some.
    static func dimensionColumns(
        _ dimensions: [StatisticDimension],
        _ expression: (StatisticDimension) -> PQQuery
    )
        -> PQQuery
    {
        PQQuery.joined(
            dimensions.map { "\(expression($0)) AS \(columnName($0)), " },
            separator: ""
        )
    }

    func aggregated(by dimensions: [StatisticDimension]) -> PQQuery {
        let names = PQQuery.joined(dimensions.map(Self.columnName), separator: ", ")
        let keys = PQQuery.joined(dimensions.map { "\(Self.columnName($0))::text" }, separator: ", ")
        let values = PQQuery.joined(aggregates.map { "(\($0.sql))::bigint" }, separator: ", ")
        if dimensions.isEmpty { return "WITH facts AS (\(facts)) SELECT true, \(values) FROM facts" }
        guard let totalFacts else {
            return """
                WITH facts AS (\(facts))
                SELECT GROUPING(\(names)) <> 0, \(keys), \(values) FROM facts
                GROUP BY GROUPING SETS ((\(names)), ())
                ORDER BY GROUPING(\(names)), \(names)
                """
        }
        let noKeys = PQQuery.joined(dimensions.map { _ in "NULL::text" }, separator: ", ")
        let order = PQQuery(unsafeSQL: (1...(dimensions.count + 1)).map(String.init).joined(separator: ", "))
        return """
            WITH facts AS MATERIALIZED (\(facts))
            SELECT false, \(keys), \(values) FROM facts GROUP BY \(names)
            UNION ALL
            SELECT true, \(noKeys), \(values) FROM (\(totalFacts)) AS facts
            ORDER BY \(order)
            """
    }

    func table(for request: StatisticRequest, on connection: PQConnection) async throws -> StatisticTable {
        let dimensions = request.by
        var rows: [StatisticTable.Row] = []
        var total = StatisticTable.Row(
            keys: [],
            values: Dictionary(uniqueKeysWithValues: aggregates.map { ($0.key, 0) })
        )
        for row in try await connection.query(aggregated(by: dimensions)) {
            let isTotal = try row.decode(Bool.self, column: 0)
            var keys: [String] = []
            for index in dimensions.indices {
                keys.append(try row.decode(String?.self, column: 1 + index) ?? "(none)")
            }
            var values: [String: Int] = [:]
            for (index, aggregate) in aggregates.enumerated() {
                values[aggregate.key] = try row.decode(Int?.self, column: 1 + dimensions.count + index) ?? 0
            }
            if isTotal {
                total = StatisticTable.Row(keys: [], values: values)
            } else {
                rows.append(StatisticTable.Row(keys: keys, values: values))
            }
        }
        let dimensionColumns = dimensions.map { StatisticTable.Column($0.rawValue, $0.rawValue, .dimension) }
        return StatisticTable(
            statistic: request.statistic,
            columns: dimensionColumns + columns,
            rows: rows,
            total: total,
            parameters: request.parameters
        )
    }
}
