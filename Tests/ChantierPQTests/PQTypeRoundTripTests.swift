import ChantierPQ
import ChantierTestSupport
import Foundation
import Testing

@Suite("PQ types: every supported type survives a round trip through the server", .timeLimit(.minutes(2)))
struct PQTypeRoundTripTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database(migrated: false)
    }

    /// Sends `value` as a parameter and decodes what the server echoes back.
    private func echo<Value: PQCodable>(_ value: Value, on pool: PQPool) async throws -> Value {
        try await pool.query("SELECT \(value)").value(Value.self)
    }

    @Test func integers() async throws {
        try await database.withPool { pool throws in
            for value in [0, 1, -1, Int.max, Int.min] { #expect(try await echo(value, on: pool) == value) }
            #expect(try await echo(Int32.min, on: pool) == Int32.min)
            #expect(try await echo(Int16.max, on: pool) == Int16.max)
            #expect(try await echo(Int64.max, on: pool) == Int64.max)
        }
    }

    @Test func textWithAccentsQuotesAndLargeValues() async throws {
        try await database.withPool { pool throws in
            let values = [
                "", "Adélard-Dugré", "Cap-de-la-Madeleine — «rue Sainte-Cécile»", "O'Brien \"Bob\" \\ back",
                "emoji 👷‍♀️ and 中文", String(repeating: "é", count: 1_000_000),
            ]
            for value in values { #expect(try await echo(value, on: pool) == value) }
        }
    }

    @Test func textContainingNULIsRefusedBeforeSending() async throws {
        try await database.withPool { pool throws in
            let error = await #expect(throws: PQError.self) { try await pool.query("SELECT \("a\u{0}b")") }
            #expect(error?.code == .textWithNUL)
        }
    }

    @Test func booleansAndDoubles() async throws {
        try await database.withPool { pool throws in
            #expect(try await echo(true, on: pool) == true)
            #expect(try await echo(false, on: pool) == false)
            for value in [0.0, -0.5, Double.pi, 1e-300, 1.7976931348623157e308, .infinity, -.infinity] {
                #expect(try await echo(value, on: pool) == value)
            }
            #expect(try await echo(Double.nan, on: pool).isNaN)
        }
    }

    @Test func numericIsExact() async throws {
        try await database.withPool { pool throws in
            for text in [
                "0", "-1.5", "12345678901234567890.123456789", "0.000001", "99999999999999999999999999999999999999",
            ] {
                let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
                #expect(try await echo(value, on: pool) == value)
            }
            let cents = try await pool.query("SELECT 0.1::numeric + 0.2::numeric").value(Decimal.self)
            #expect(cents == Decimal(string: "0.3", locale: Locale(identifier: "en_US_POSIX")))
            // More digits than Decimal holds: refused, never rounded.
            let error = await #expect(throws: PQError.self) {
                try await pool.query("SELECT 1234567890123456789012345678901234567890.5::numeric").value(Decimal.self)
            }
            #expect(error?.code == .decodingFailed)
        }
    }

    @Test func timestamptzKeepsMicroseconds() async throws {
        try await database.withPool { pool throws in
            let values = [
                Date(timeIntervalSince1970: 1_795_000_000.123456),
                Date(timeIntervalSince1970: -86_400 * 365 * 30 - 0.5),
                Date(timeIntervalSince1970: 0), Date.distantFuture, Date.distantPast,
            ]
            for value in values {
                let back = try await echo(value, on: pool)
                #expect(abs(back.timeIntervalSince1970 - value.timeIntervalSince1970) < 0.000_001)
            }
            // The server's own rendering, in a zone with an offset, decodes to the same instant.
            let instant = try await pool.query(
                "SELECT '2026-11-01 01:30:00-04'::timestamptz"
            ).value(Date.self)
            #expect(instant == Date(timeIntervalSince1970: 1_793_511_000))
        }
    }

    @Test func datesIncludingLeapDayAndBC() async throws {
        try await database.withPool { pool throws in
            let values = [
                PQDate(year: 2024, month: 2, day: 29)!, PQDate(year: 9999, month: 12, day: 31)!,
                PQDate(year: 1, month: 1, day: 1)!, PQDate(year: 0, month: 3, day: 15)!,
                PQDate(year: -43, month: 3, day: 15)!,
            ]
            for value in values { #expect(try await echo(value, on: pool) == value) }
            #expect(PQDate(year: 2026, month: 2, day: 29) == nil)
            let date = try await pool.query("SELECT DATE '2026-11-21' + 10").value(PQDate.self)
            #expect(date == PQDate(year: 2026, month: 12, day: 1))
        }
    }

    @Test func intervalsAndDurations() async throws {
        try await database.withPool { pool throws in
            let values = [
                PQInterval(), PQInterval(minutes: 90), PQInterval(months: 14, days: 3, microseconds: 14_706_500_000),
                PQInterval(months: -1, days: 2, microseconds: -3_000_001),
            ]
            for value in values { #expect(try await echo(value, on: pool) == value) }
            let server = try await pool.query("SELECT '1 year 2 mons 3 days 04:05:06.5'::interval").value(
                PQInterval.self
            )
            #expect(server == PQInterval(months: 14, days: 3, microseconds: 14_706_500_000))
            #expect(try await echo(Duration.seconds(5400), on: pool) == .seconds(5400))
            let minutes = try await pool.query("SELECT interval '2 hours 30 minutes'").value(PQInterval.self)
                .totalMinutes
            #expect(minutes == 150)
            await #expect(throws: PQError.self) {
                try await pool.query("SELECT interval '1 month'").value(Duration.self)
            }
        }
    }

    @Test func uuidAndJSON() async throws {
        struct Policy: Codable, Equatable {
            var name: String
            var caps: [Int]
        }
        try await database.withPool { pool throws in
            let id = UUID()
            #expect(try await echo(id, on: pool) == id)
            let policy = Policy(name: "Agir ensemble — été", caps: [360, 1200])
            let json = try PQJSON(encoding: policy)
            #expect(try await echo(json, on: pool).decode(Policy.self) == policy)
            let field = try await pool.query("SELECT \(json) ->> 'name'").value(String.self)
            #expect(field == "Agir ensemble — été")
        }
    }

    @Test func arraysWithAwkwardElements() async throws {
        try await database.withPool { pool throws in
            let texts = [
                "plain", "", "with space", "comma,inside", "quote\"inside", "back\\slash", "{braces}", "NULL", "é",
            ]
            #expect(try await echo(texts, on: pool) == texts)
            #expect(try await echo([String](), on: pool) == [])
            #expect(try await echo([1, -2, Int.max], on: pool) == [1, -2, Int.max])
            #expect(try await echo([Int32(7)], on: pool) == [Int32(7)])
            let withNull = try await pool.query("SELECT ARRAY['a', NULL, 'NULL']::text[]").value([String?].self)
            #expect(withNull == ["a", nil, "NULL"])
            await #expect(throws: PQError.self) {
                try await pool.query("SELECT ARRAY['a', NULL]::text[]").value([String].self)
            }
        }
    }

    @Test func ranges() async throws {
        try await database.withPool { pool throws in
            let start = Date(timeIntervalSince1970: 1_795_000_000)
            let shift = PQRange(start..<start.addingTimeInterval(3 * 3600))
            #expect(try await echo(shift, on: pool) == shift)
            #expect(try await echo(shift, on: pool).halfOpen == start..<start.addingTimeInterval(3 * 3600))
            let unbounded = PQRange<Int>(lower: 5, upper: nil)
            #expect(try await echo(unbounded, on: pool) == unbounded)
            let week = PQRange(PQDate(year: 2026, month: 11, day: 16)!..<PQDate(year: 2026, month: 11, day: 23)!)
            #expect(try await echo(week, on: pool) == week)
            #expect(try await echo(PQRange<Date>.empty, on: pool).isEmpty)
            // Discrete ranges come back canonical: [1,5] is [1,6).
            let canonical = try await pool.query("SELECT int8range(1, 5, '[]')").value(PQRange<Int>.self)
            #expect(canonical == PQRange(1..<6))
        }
    }

    @Test func nullsDecodeOnlyIntoOptionals() async throws {
        try await database.withPool { pool throws in
            let missing: Int? = nil
            #expect(try await pool.query("SELECT \(missing)").value(Int?.self) == nil)
            #expect(try await pool.query("SELECT \(Int?.some(3))").value(Int?.self) == 3)
            let error = await #expect(throws: PQError.self) {
                try await pool.query("SELECT NULL::text").value(String.self)
            }
            #expect(error?.code == .unexpectedNull)
        }
    }

    @Test func rowsDecodeByPositionNameAndTuple() async throws {
        try await database.withPool { pool throws in
            let rows = try await pool.query(
                "SELECT n AS id, 'p' || n AS name, CASE WHEN n = 2 THEN NULL ELSE n * 10 END AS score FROM generate_series(1, 3) n"
            )
            #expect(rows.count == 3)
            #expect(rows.columns == ["id", "name", "score"])
            let (id, name, score) = try rows[1].decode(Int.self, String.self, Int?.self)
            #expect(id == 2 && name == "p2" && score == nil)
            #expect(try rows[2].decode(Int.self, column: "score") == 30)
            let error = #expect(throws: PQError.self) { try rows[0].decode(Int.self, column: "nope") }
            #expect(error?.code == .columnNotFound)
        }
    }
}
