import ArgumentParser
import ChantierAPI
import ChantierClient

extension StatsCommand {
    struct ReturnToWork: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return-to-work",
            abstract: "Adults who exited in the period and returned to work or training within N days.",
            discussion:
                "Groups: program, sector, sex, age-band, year, month. Default period: the year ending N days ago."
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var statistic: StatisticOptions
        @Option(help: "Days after the exit an outcome counts (default 180).") var within: Int?

        func run() async throws {
            try await Invocation.run(options) { connection in
                switch try await connection.client.getReturnToWork(
                    query: statistic.query { $0.within = within }
                ) {
                case .ok(let response): print(try StatsCommand.render(try response.body.json, format: options.format))
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
            }
        }
    }

    struct ReturnToSchool: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return-to-school",
            abstract: "Youth active in a school year who are in school the next one, and diplomas by level.",
            discussion: "Groups: program, sector, sex, age-band. --from and --to are not used: give --school-year."
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var statistic: StatisticOptions
        @Option(help: "The school year by the year it starts: 2025 for 2025-2026 (default: the latest measurable).")
        var schoolYear: Int?

        func run() async throws {
            try await Invocation.run(options) { connection in
                switch try await connection.client.getReturnToSchool(
                    query: statistic.query { $0.schoolYear = schoolYear }
                ) {
                case .ok(let response): print(try StatsCommand.render(try response.body.json, format: options.format))
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
            }
        }
    }

    struct Hours: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approved hours with participants and hours per participant.",
            discussion: """
                Groups (default program,season): program, season, task, sector (of the site), month, year, sex, \
                age-band. Default period: the last twelve months.
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var statistic: StatisticOptions

        func run() async throws {
            try await Invocation.run(options) { connection in
                switch try await connection.client.getHoursStatistic(
                    query: statistic.query()
                ) {
                case .ok(let response): print(try StatsCommand.render(try response.body.json, format: options.format))
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
            }
        }
    }

    struct Participation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Active participants per week, weeks at the program target, no-show rate.",
            discussion: "Groups: program, sector, week, month, sex, age-band. Default period: the last twelve months."
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var statistic: StatisticOptions

        func run() async throws {
            try await Invocation.run(options) { connection in
                switch try await connection.client.getParticipation(
                    query: statistic.query()
                ) {
                case .ok(let response): print(try StatsCommand.render(try response.body.json, format: options.format))
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
            }
        }
    }

    struct Retention: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enrollments by month of entry still enrolled at 3, 6 and 12 months.",
            discussion: "Groups (default cohort): cohort, program, sector, sex, age-band. Default period: two years."
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var statistic: StatisticOptions

        func run() async throws {
            try await Invocation.run(options) { connection in
                switch try await connection.client.getRetention(
                    query: statistic.query()
                ) {
                case .ok(let response): print(try StatsCommand.render(try response.body.json, format: options.format))
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
            }
        }
    }
}
