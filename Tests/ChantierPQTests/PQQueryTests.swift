import ChantierPQ
import Testing

@Suite("PQQuery: interpolated values become parameters")
struct PQQueryTests {
    @Test func interpolatedValuesBecomeNumberedParameters() {
        let name = "Robert'); DROP TABLE participants;--"
        let query: PQQuery = "SELECT id FROM participants WHERE family_name = \(name) AND id > \(42)"
        #expect(query.sql == "SELECT id FROM participants WHERE family_name = $1 AND id > $2")
        #expect(query.binds == [PQBind(type: .text, text: name), PQBind(type: .int8, text: "42")])
    }

    @Test func nilBecomesATypedNull() {
        let missing: Int? = nil
        let query: PQQuery = "SELECT \(missing)"
        #expect(query.binds == [PQBind(type: .int8, text: nil)])
    }

    @Test func fragmentsAreRenumberedWhenSpliced() {
        let condition: PQQuery = "sector_id = \(7) AND given_name = \("Léa")"
        let query: PQQuery =
            "SELECT * FROM participants WHERE birth_date > \(PQDate(year: 2010, month: 1, day: 1)!) AND \(condition)"
        #expect(query.sql == "SELECT * FROM participants WHERE birth_date > $1 AND sector_id = $2 AND given_name = $3")
        #expect(query.binds.map(\.text) == ["2010-01-01", "7", "Léa"])
    }

    @Test func joinedComposesConditions() {
        let parts: [PQQuery] = ["a = \(1)", "b = \(2)", "c IS NULL"]
        let query = PQQuery.joined(parts, separator: " AND ")
        #expect(query.sql == "a = $1 AND b = $2 AND c IS NULL")
        #expect(query.binds.count == 2)
    }

    @Test func identifiersAreQuotedWithEmbeddedQuotesDoubled() {
        let query: PQQuery = "LISTEN \(identifier: "odd\"name")"
        #expect(query.sql == "LISTEN \"odd\"\"name\"")
        #expect(query.binds.isEmpty)
    }

    @Test func plainLiteralsAndUnsafeSQLHaveNoParameters() {
        let literal: PQQuery = "SELECT 1"
        #expect(literal.sql == "SELECT 1" && literal.binds.isEmpty)
        let raw = PQQuery(unsafeSQL: "SELECT 2")
        #expect(raw.sql == "SELECT 2" && raw.binds.isEmpty)
    }
}
