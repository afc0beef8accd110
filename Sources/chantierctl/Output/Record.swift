/// One object, printed as aligned `label  value` lines for people, as one CSV row under stable
/// English column names, or as the API's JSON.
struct Record {
    struct Field {
        /// The CSV column name, the same in every language.
        var key: String
        /// What people read, in their language.
        var label: String
        var value: String
    }

    var fields: [Field]

    func render(_ format: OutputFormat, json value: some Encodable) throws -> String {
        switch format {
        case .json: try JSONOutput.render(value)
        case .csv: Table(header: fields.map(\.key), rows: [fields.map(\.value)]).render(.csv)
        case .table: Table(header: [], rows: fields.map { [$0.label, $0.value] }).render(.table)
        }
    }
}
