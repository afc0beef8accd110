import Foundation

/// How results are printed: a table for people, JSON or CSV for scripts.
enum OutputFormat {
    case table
    case json
    case csv
}

/// Rows with an optional header, printed as an aligned table or as CSV.
struct Table {
    var header: [String]
    var rows: [[String]]

    func render(_ format: OutputFormat) -> String {
        let lines = header.isEmpty ? rows : [header] + rows
        switch format {
        case .csv:
            return lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n")
        case .table, .json:
            let columns = lines.map(\.count).max() ?? 0
            let widths = (0..<columns).map { column in
                lines.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
            }
            return lines.map { row in
                row.enumerated().map { column, value in
                    column == row.count - 1
                        ? value : value.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }.joined(separator: "  ")
            }.joined(separator: "\n")
        }
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

enum JSONOutput {
    /// `value` as pretty JSON with sorted keys.
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
