/// Rows of objects, printed as an aligned table with headings in the user's language, as CSV
/// under stable English column names, or as the API's JSON.
struct Listing {
    struct Column {
        /// The CSV column name, the same in every language.
        var key: String
        /// The heading people read.
        var label: String
    }

    var columns: [Column]
    var rows: [[String]]

    func render(_ format: OutputFormat, json value: some Encodable) throws -> String {
        switch format {
        case .json: try JSONOutput.render(value)
        case .csv: Table(header: columns.map(\.key), rows: rows).render(.csv)
        case .table:
            rows.isEmpty
                ? Messages.current.pick("(none)", "(aucun)")
                : Table(header: columns.map(\.label), rows: rows).render(.table)
        }
    }
}
