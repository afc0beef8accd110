import ChantierCore
import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Testing

/// The demonstration generator, and every statistic by every group it allows on its data.
@Suite("Statistics on demonstration data", .timeLimit(.minutes(3)))
struct DemoStatisticsTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database()
    }

    @Test func theGeneratorFillsAnEmptyDatabaseOnceAndEveryStatisticAnswersByEveryGroup() async throws {
        try await database.withPool { pool throws in
            let storage = Database(pool: pool)
            let today = try #require(LocalDate(iso: "2026-11-22"))
            let generator = DemoGenerator(participants: 300, years: 3, seed: 7, today: today)
            let summary = try await generator.run(on: storage) { _ in }
            let counts = Dictionary(uniqueKeysWithValues: summary.counts.map { ($0.table, $0.rows) })
            #expect(counts["participants"] == 300)
            #expect((counts["time_entries"] ?? 0) > 300 * 40)
            #expect((counts["outcomes"] ?? 0) > 50)
            // Stays start all through the period, not on one day.
            #expect(try await pool.query("SELECT count(DISTINCT starts_on) FROM enrollments").value(Int.self) > 200)
            // A second run would mix invented people with the first: refused, nothing added.
            await #expect(throws: StorageError.self) { _ = try await generator.run(on: storage) { _ in } }
            #expect(try await pool.query("SELECT count(*) FROM participants").value(Int.self) == 300)
            // The bulk load is in the audit log as one row a table, not one a row.
            #expect(
                try await pool.query("SELECT count(*) FROM audit_log WHERE table_name = 'time_entries'").value(Int.self)
                    == 1
            )

            let statistics = StatisticsRepository(database: storage)
            for statistic in Statistic.allCases {
                let period =
                    statistic == .returnToSchool
                    ? try #require(StatisticRequest.schoolYear(startingIn: 2023)) : generator.period
                let overall = try await statistics.table(
                    StatisticRequest(statistic: statistic, period: period, by: [], today: today)
                )
                #expect(overall.rows.isEmpty)
                let base = overall.columns.filter(\.isBase).map(\.key)
                #expect(base.contains { (overall.total.values[$0] ?? 0) > 0 }, "\(statistic) has figures")
                for dimension in statistic.dimensions {
                    let grouped = try await statistics.table(
                        StatisticRequest(statistic: statistic, period: period, by: [dimension], today: today)
                    )
                    #expect(!grouped.rows.isEmpty, "\(statistic) by \(dimension)")
                    #expect(grouped.total == overall.total, "\(statistic) by \(dimension): the same total")
                    if statistic == .hours {
                        let minutes = grouped.rows.map { $0.values["minutes"] ?? 0 }.reduce(0, +)
                        #expect(minutes == overall.total.values["minutes"], "hours by \(dimension) add up")
                    }
                }
            }
        }
    }
}
