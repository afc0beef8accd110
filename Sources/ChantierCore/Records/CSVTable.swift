/// A CSV file with a header row (RFC 4180: comma-separated, fields with commas, quotes or line
/// breaks in double quotes, `""` for a quote; CRLF or LF; a UTF-8 byte order mark is ignored).
public struct CSVTable: Sendable {
    /// One data row: its line in the file and its values by column name. Blank values are absent.
    public struct Row: Sendable {
        public var line: Int
        public var values: [String: String]

        public subscript(column: String) -> String? { values[column] }
    }

    public let columns: [String]
    public let rows: [Row]

    /// Parses `text`, checking the header against the columns a file of this kind may have.
    ///
    /// - Throws: ``ImportRejected`` for an unknown or missing column, a quote left open, or a row
    ///   with more fields than the header.
    public init(parsing text: String, required: Set<String>, optional: Set<String>) throws(ImportRejected) {
        var records = try Self.records(in: text)
        guard let header = records.first else {
            throw ImportRejected(problems: [ImportProblem(line: 1, field: nil, message: "the file is empty")])
        }
        records.removeFirst()
        columns = header.fields.map { $0.trimmed.lowercased() }
        var problems: [ImportProblem] = []
        for column in columns where !required.contains(column) && !optional.contains(column) {
            let known = (required.sorted() + optional.sorted()).joined(separator: ", ")
            problems.append(
                ImportProblem(line: 1, field: column, message: "unknown column; the columns are \(known)")
            )
        }
        for column in required.sorted() where !columns.contains(column) {
            problems.append(ImportProblem(line: 1, field: column, message: "this column is required"))
        }
        var rows: [Row] = []
        for record in records where !(record.fields.count == 1 && record.fields[0].trimmed.isEmpty) {
            guard record.fields.count <= columns.count else {
                problems.append(
                    ImportProblem(
                        line: record.line,
                        field: nil,
                        message: "\(record.fields.count) fields, but the header has \(columns.count)"
                    )
                )
                continue
            }
            var values: [String: String] = [:]
            for (column, value) in zip(columns, record.fields) where !value.trimmed.isEmpty {
                values[column] = value.trimmed
            }
            rows.append(Row(line: record.line, values: values))
        }
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        self.rows = rows
    }

    private struct Record {
        var line: Int
        var fields: [String]
    }

    private static func records(in text: String) throws(ImportRejected) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var characters = text.unicodeScalars.makeIterator()
        var pending = characters.next()
        if pending == "\u{FEFF}" { pending = characters.next() }
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" { line += 1 }
                    field.unicodeScalars.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                fields.append(field)
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                field = ""
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(character)
            }
        }
        if quoted {
            throw ImportRejected(
                problems: [ImportProblem(line: recordLine, field: nil, message: "a quoted field is never closed")]
            )
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}

/// Writes CSV: a header, then rows, quoting only the fields that need it, lines ending in CRLF.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init(columns: [String]) {
        append(columns)
    }

    public mutating func append(_ fields: [String?]) {
        text += fields.map { Self.field($0 ?? "") }.joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || value != value.trimmed else {
            return value
        }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
