import ChantierTestSupport
import Foundation
import Testing

/// SQL is never built from strings: every value is a `$n` parameter of a `PQQuery`, and raw text
/// enters only through `PQQuery(unsafeSQL:)`, at the places reviewed below. A new raw text, or a
/// libpq call taking SQL text outside ChantierPQ, fails the build until someone reviews it.
@Suite("SQL is built from parameters only")
struct SQLTextTests {
    /// Each place raw SQL text is made outside ChantierPQ, with how many and why it is safe.
    static let reviewed: [String: (count: Int, why: String)] = [
        "Sources/ChantierStorage/Demo/DemoGenerator.swift": (5, "table and trigger names from constant lists"),
        "Sources/ChantierStorage/Migrations/MigrationRunner.swift": (1, "the migration files shipped with the daemon"),
        "Sources/ChantierStorage/Statistics/StatisticQuery.swift": (2, "column names and positions from enum cases"),
        "Sources/ChantierStorage/Statistics/StatisticsRepository+Activity.swift": (
            3, "column names from constant months and group positions"
        ),
        "Sources/ChantierStorage/Statistics/StatisticsRepository+Outcomes.swift": (3, "column names from enum cases"),
    ]

    @Test func rawSQLTextIsMadeOnlyWhereItWasReviewed() throws {
        var found: [String: Int] = [:]
        for file in try SourceFiles.swift(under: "Sources") where !file.path.hasPrefix("Sources/ChantierPQ/") {
            let count = file.text.components(separatedBy: "unsafeSQL:").count - 1
            if count > 0 { found[file.path] = count }
        }
        #expect(
            found == Self.reviewed.mapValues(\.count),
            """
            raw SQL outside the reviewed places: check that no value from a request, a file or the database \
            can reach the text, then list the place in SQLTextTests.reviewed
            """
        )
    }

    @Test func onlyChantierPQHandsSQLTextToLibpq() throws {
        let calls = ["PQexec", "PQprepare", "PQsendQuery", "PQsendPrepare", "PQdescribePrepared"]
        for file in try SourceFiles.swift(under: "Sources") where !file.path.hasPrefix("Sources/ChantierPQ/") {
            for call in calls {
                #expect(!file.text.contains(call + "("), "\(file.path) calls \(call): go through PQConnection")
            }
        }
    }
}
