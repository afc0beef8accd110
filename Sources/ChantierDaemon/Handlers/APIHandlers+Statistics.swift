import ChantierAPI
import ChantierCore
import ChantierStorage

/// The query parameters every statistic takes, shared by the generated inputs of their operations.
protocol StatisticParameters {
    var from: Components.Parameters.StatisticFrom? { get }
    var to: Components.Parameters.StatisticTo? { get }
    var by: Components.Parameters.StatisticBy? { get }
    var program: Components.Parameters.ProgramFilter? { get }
    var sector: Components.Parameters.StatisticSector? { get }
    var sex: Components.Parameters.StatisticSex? { get }
    var age: Components.Parameters.StatisticAge? { get }
    var shareable: Components.Parameters.Shareable? { get }
    var threshold: Components.Parameters.SuppressionThreshold? { get }
}

extension Operations.GetReturnToWork.Input.Query: StatisticParameters {}
extension Operations.GetReturnToSchool.Input.Query: StatisticParameters {}
extension Operations.GetHoursStatistic.Input.Query: StatisticParameters {}
extension Operations.GetParticipation.Input.Query: StatisticParameters {}
extension Operations.GetRetention.Input.Query: StatisticParameters {}

extension APIHandlers {
    func getReturnToWork(_ input: Operations.GetReturnToWork.Input) async throws -> Operations.GetReturnToWork.Output {
        .ok(.init(body: .json(try await statistic(.returnToWork, input.query, within: input.query.within))))
    }

    func getReturnToSchool(
        _ input: Operations.GetReturnToSchool.Input
    ) async throws
        -> Operations.GetReturnToSchool.Output
    {
        .ok(.init(body: .json(try await statistic(.returnToSchool, input.query, schoolYear: input.query.schoolYear))))
    }

    func getHoursStatistic(
        _ input: Operations.GetHoursStatistic.Input
    ) async throws
        -> Operations.GetHoursStatistic.Output
    {
        .ok(.init(body: .json(try await statistic(.hours, input.query))))
    }

    func getParticipation(
        _ input: Operations.GetParticipation.Input
    ) async throws
        -> Operations.GetParticipation.Output
    {
        .ok(.init(body: .json(try await statistic(.participation, input.query))))
    }

    func getRetention(_ input: Operations.GetRetention.Input) async throws -> Operations.GetRetention.Output {
        .ok(.init(body: .json(try await statistic(.retention, input.query))))
    }

    /// Computes `statistic` as asked, suppressed when shareable.
    private func statistic(
        _ statistic: Statistic,
        _ parameters: some StatisticParameters,
        within: Int? = nil,
        schoolYear: Int? = nil
    ) async throws -> Components.Schemas.StatisticTable {
        let request = try statisticRequest(statistic, parameters, within: within, schoolYear: schoolYear)
        try await state.requireDatabase()
        var table = try await StatisticsRepository(database: database).table(request)
        let shareable = parameters.shareable ?? false
        if shareable { table = SmallCellSuppression(threshold: parameters.threshold ?? 5).apply(to: table) }
        return .init(table, shareable: shareable)
    }

    /// Checks the parameters and fills in the defaults: the period, the groups.
    func statisticRequest(
        _ statistic: Statistic,
        _ parameters: some StatisticParameters,
        within: Int? = nil,
        schoolYear: Int? = nil
    ) throws -> StatisticRequest {
        let today = state.clock.today()
        let withinDays = within ?? 180
        let period: DateRange
        if statistic == .returnToSchool {
            let year = schoolYear ?? StatisticRequest.lastMeasurableSchoolYear(today: today)
            guard let range = StatisticRequest.schoolYear(startingIn: year) else {
                throw RecordError(field: "school_year", "\(year) is not a school year")
            }
            period = range
        } else {
            let defaultLast = statistic == .returnToWork ? today.adding(days: -withinDays) : today
            let last = try RecordFields.optionalDate(parameters.to, field: "to") ?? defaultLast
            let span = statistic == .retention ? 730 : 365
            let first = try RecordFields.optionalDate(parameters.from, field: "from") ?? last.adding(days: 1 - span)
            guard first <= last else {
                throw RecordError(field: "from", "the period starts on \(first), after its end \(last); swap them")
            }
            guard first.days(until: last) < 366 * 30 else {
                throw RecordError(field: "from", "a period is at most 30 years")
            }
            period = DateRange(first, last)
        }
        let defaultBy: [StatisticDimension] =
            switch statistic {
            case .hours: [.program, .season]
            case .retention: [.cohort]
            case .returnToWork, .returnToSchool, .participation: [.program]
            }
        return StatisticRequest(
            statistic: statistic,
            period: period,
            by: try parameters.by.map { try StatisticDimension.list($0, for: statistic) } ?? defaultBy,
            program: parameters.program,
            sector: parameters.sector,
            sex: parameters.sex?.rawValue,
            ages: try parameters.age.map { try StatisticRequest.ages($0) },
            withinDays: withinDays,
            today: today
        )
    }
}

extension Components.Schemas.StatisticTable {
    init(_ table: StatisticTable, shareable: Bool) {
        let cells = { (index: Int?) in
            table.cells(row: index).map { cell -> Components.Schemas.StatisticCell in
                if case .suppressed = cell { return .init(display: cell.display, suppressed: true) }
                return .init(display: cell.display, value: cell.number, suppressed: false)
            }
        }
        self.init(
            statistic: table.statistic.rawValue,
            title: table.statistic.title,
            definition: table.statistic.definition,
            parameters: table.parameters.map { .init(name: $0.name, value: $0.value) },
            shareable: shareable,
            threshold: table.threshold,
            columns: table.columns.map { column in
                let kind: Components.Schemas.StatisticColumn.KindPayload =
                    switch column.kind {
                    case .dimension: .dimension
                    case .people: .people
                    case .count: .count
                    case .minutes: .hours
                    case .share: .share
                    case .ratio: .ratio
                    case .average: .average
                    }
                return .init(key: column.key, label: column.label, kind: kind)
            },
            rows: table.rows.indices.map { cells($0) },
            total: cells(nil)
        )
    }
}
