/// A program's year in figures, for its funders: what the HTML report shows.
public struct AnnualReport: Sendable {
    public var programCode: String
    public var programName: String
    public var audience: Audience
    public var year: Int
    public var generatedOn: LocalDate
    /// Approved hours by month, then by season (with participants).
    public var hoursByMonth: StatisticTable
    public var hoursBySeason: StatisticTable
    public var participation: StatisticTable
    /// Return to work (adult programs) or return to school (youth programs), over all.
    public var outcomes: StatisticTable

    public init(
        programCode: String,
        programName: String,
        audience: Audience,
        year: Int,
        generatedOn: LocalDate,
        hoursByMonth: StatisticTable,
        hoursBySeason: StatisticTable,
        participation: StatisticTable,
        outcomes: StatisticTable
    ) {
        self.programCode = programCode
        self.programName = programName
        self.audience = audience
        self.year = year
        self.generatedOn = generatedOn
        self.hoursByMonth = hoursByMonth
        self.hoursBySeason = hoursBySeason
        self.participation = participation
        self.outcomes = outcomes
    }

    /// The statistics a report of `audience` is made of, for `year`, all filtered on the program.
    public static func requests(
        program: String,
        audience: Audience,
        year: Int,
        today: LocalDate
    ) throws(RecordError) -> [StatisticRequest] {
        guard let first = LocalDate(year: year, month: 1, day: 1), let last = LocalDate(year: year, month: 12, day: 31),
            let schoolYear = StatisticRequest.schoolYear(startingIn: year - 1)
        else { throw RecordError(field: "year", "\(year) is not a year a report can be made for") }
        let calendarYear = DateRange(first, last)
        let hours = { (by: [StatisticDimension]) in
            StatisticRequest(statistic: .hours, period: calendarYear, by: by, program: program, today: today)
        }
        let outcomes =
            switch audience {
            case .adult:
                StatisticRequest(statistic: .returnToWork, period: calendarYear, by: [], program: program, today: today)
            case .youth:
                // The school year that ends in June of the report's year.
                StatisticRequest(
                    statistic: .returnToSchool,
                    period: schoolYear,
                    by: [],
                    program: program,
                    today: today
                )
            }
        return [
            hours([.month]), hours([.season]),
            StatisticRequest(statistic: .participation, period: calendarYear, by: [], program: program, today: today),
            outcomes,
        ]
    }

    /// Every table, to suppress small cells in all at once.
    public func map(_ transform: (StatisticTable) -> StatisticTable) -> AnnualReport {
        var report = self
        report.hoursByMonth = transform(hoursByMonth)
        report.hoursBySeason = transform(hoursBySeason)
        report.participation = transform(participation)
        report.outcomes = transform(outcomes)
        return report
    }
}
