import Testing

@testable import ChantierCore

@Suite("CSV files")
struct CSVTableTests {
    @Test func readsQuotedFieldsCRLFAndAByteOrderMark() throws {
        let text = "\u{FEFF}code,name,notes\r\na,\"Parc \"\"Sainte\"\", nord\",\"two\nlines\"\r\nb,Cour,\r\n\r\n"
        let table = try CSVTable(parsing: text, required: ["code", "name"], optional: ["notes"])
        #expect(table.columns == ["code", "name", "notes"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0]["name"] == "Parc \"Sainte\", nord")
        #expect(table.rows[0]["notes"] == "two\nlines")
        #expect(table.rows[1].line == 4, "a quoted line break counts as a line of the file")
        #expect(table.rows[1]["notes"] == nil, "a blank value is absent")
    }

    @Test func headerProblemsNameTheColumn() {
        let error = #expect(throws: ImportRejected.self) {
            try CSVTable(parsing: "code,nmae\na,b\n", required: ["code", "name"], optional: [])
        }
        #expect(
            error?.problems.map(\.description) == [
                "line 1: nmae: unknown column; the columns are code, name", "line 1: name: this column is required",
            ]
        )
    }

    @Test func aRowWithTooManyFieldsOrAnOpenQuoteIsRefusedWithItsLine() {
        let extra = #expect(throws: ImportRejected.self) {
            try CSVTable(parsing: "code\na\nb,c\n", required: ["code"], optional: [])
        }
        #expect(extra?.problems.first?.line == 3)
        let open = #expect(throws: ImportRejected.self) {
            try CSVTable(parsing: "code\n\"a\n", required: ["code"], optional: [])
        }
        #expect(open?.problems.first?.message == "a quoted field is never closed")
    }

    @Test func writingQuotesOnlyWhatNeedsIt() throws {
        var writer = CSVWriter(columns: ["a", "b"])
        writer.append(["plain", "with, comma"])
        writer.append(["say \"hi\"", nil])
        #expect(writer.text == "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\r\n")
        let back = try CSVTable(parsing: writer.text, required: ["a"], optional: ["b"])
        #expect(back.rows.map { $0["a"] } == ["plain", "say \"hi\""])
        #expect(back.rows[0]["b"] == "with, comma")
    }
}
