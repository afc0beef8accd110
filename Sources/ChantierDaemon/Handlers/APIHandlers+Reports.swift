import ChantierAPI
import ChantierCore
import ChantierStorage
import OpenAPIRuntime

extension APIHandlers {
    func getAnnualReport(_ input: Operations.GetAnnualReport.Input) async throws -> Operations.GetAnnualReport.Output {
        let query = input.query
        try await state.requireDatabase()
        let program = try await ProgramRepository(database: database).program(code: query.program)
        let today = state.clock.today()
        let requests = try AnnualReport.requests(
            program: program.code,
            audience: program.audience,
            year: query.year,
            today: today
        )
        let statistics = StatisticsRepository(database: database)
        var tables: [StatisticTable] = []
        for request in requests { tables.append(try await statistics.table(request)) }
        var report = AnnualReport(
            programCode: program.code,
            programName: program.name,
            audience: program.audience,
            year: query.year,
            generatedOn: today,
            hoursByMonth: tables[0],
            hoursBySeason: tables[1],
            participation: tables[2],
            outcomes: tables[3]
        )
        if query.shareable ?? true {
            let suppression = SmallCellSuppression(threshold: query.threshold ?? 5)
            report = report.map(suppression.apply)
        }
        return .ok(.init(body: .html(HTTPBody(report.html))))
    }
}
