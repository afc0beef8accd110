import ArgumentParser
import ChantierAPI
import Foundation

/// `chantierctl stats …`: the figures program managers report.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Statistics: return to work, return to school, hours, participation, retention.",
        discussion: """
            Each statistic is a table, one row per group of --by, then the total. docs/STATISTICS.md \
            defines every figure. Use --shareable for anything that leaves the organisation: counts below \
            the threshold (default 5), what is computed from them and what would let them be recomputed \
            from the totals are shown as <5.
            """,
        subcommands: [ReturnToWork.self, ReturnToSchool.self, Hours.self, Participation.self, Retention.self]
    )

    /// Prints a statistic as a titled table, as CSV (numbers unformatted, hidden ones as <5) or
    /// as the API's JSON.
    static func render(_ table: Components.Schemas.StatisticTable, format: OutputFormat) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.render(table)
        case .csv:
            let rows = (table.rows + [table.total]).map { cells in
                cells.map { cell in cell.suppressed ? cell.display : cell.value.map(Self.number) ?? cell.display }
            }
            return Table(header: table.columns.map(\.key), rows: rows).render(.csv)
        case .table:
            let parameters = table.parameters.map { "\($0.name) \($0.value)" }.joined(separator: " · ")
            let rows = (table.rows + [table.total]).map { $0.map(\.display) }
            var lines = [table.title, parameters, ""]
            lines.append(Table(header: table.columns.map(\.label), rows: rows).render(.table))
            if let threshold = table.threshold, table.shareable {
                lines.append("")
                lines.append(
                    Messages.current.pick(
                        "shareable: counts below \(threshold) and what they would reveal are shown as <\(threshold)",
                        "diffusable : les effectifs de moins de \(threshold) et ce qui les révélerait sont "
                            + "affichés <\(threshold)"
                    )
                )
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Up to four decimals, without trailing zeros: 0.5923, 1234.5, 12.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// The options every statistic takes.
struct StatisticOptions: ParsableArguments {
    @Option(help: "First day of the period, YYYY-MM-DD.") var from: String?
    @Option(help: "Last day of the period, YYYY-MM-DD.") var to: String?
    @Option(help: "Groups, separated by commas (program,season); \"\" for the total only.") var by: String?
    @Option(help: "Only this program.") var program: String?
    @Option(help: "Only this sector.") var sector: String?
    @Option(help: "Only female, male or other.") var sex: Components.Parameters.StatisticSex?
    @Option(help: "Only these ages: 18-24, 16-17, 55+.") var age: String?
    @Flag(help: "Hide small cells, for anything that leaves the organisation.") var shareable = false
    @Option(help: "With --shareable: counts below it are hidden (default 5).") var threshold: Int?
}

extension StatisticOptions {
    /// The query of a statistic's operation with these options; `more` sets its own parameters.
    func query<Query: StatisticQuery>(_ more: (inout Query) -> Void = { _ in }) -> Query {
        var query = Query()
        query.from = from
        query.to = to
        query.by = by
        query.program = program
        query.sector = sector
        query.sex = sex
        query.age = age
        query.shareable = shareable
        query.threshold = threshold
        more(&query)
        return query
    }
}

/// The query of a statistic's operation: the parameters of ``StatisticOptions``, which every
/// statistic takes.
protocol StatisticQuery {
    init()
    var from: String? { get set }
    var to: String? { get set }
    var by: String? { get set }
    var program: String? { get set }
    var sector: String? { get set }
    var sex: Components.Parameters.StatisticSex? { get set }
    var age: String? { get set }
    var shareable: Bool? { get set }
    var threshold: Int? { get set }
}

extension Operations.GetReturnToWork.Input.Query: StatisticQuery {
    init() { self.init(from: nil) }
}

extension Operations.GetReturnToSchool.Input.Query: StatisticQuery {
    init() { self.init(from: nil) }
}

extension Operations.GetHoursStatistic.Input.Query: StatisticQuery {
    init() { self.init(from: nil) }
}

extension Operations.GetParticipation.Input.Query: StatisticQuery {
    init() { self.init(from: nil) }
}

extension Operations.GetRetention.Input.Query: StatisticQuery {
    init() { self.init(from: nil) }
}

extension Components.Parameters.StatisticSex: ExpressibleByArgument {}
