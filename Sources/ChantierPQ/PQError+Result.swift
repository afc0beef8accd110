internal import CLibPQ

extension PQError {
    /// The error a failed libpq result carries, with every diagnostic field the server sent.
    init(result: OpaquePointer, query: String?) {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let primary = field(CLibPQ_DIAG_MESSAGE_PRIMARY) ?? PQText.trimmedMessage(PQresultErrorMessage(result))
        self.init(
            code: .server,
            message: primary,
            sqlState: field(CLibPQ_DIAG_SQLSTATE).map(SQLState.init(rawValue:)),
            query: query
        )
        detail = field(CLibPQ_DIAG_MESSAGE_DETAIL)
        hint = field(CLibPQ_DIAG_MESSAGE_HINT)
        severity = field(CLibPQ_DIAG_SEVERITY_NONLOCALIZED)
        schema = field(CLibPQ_DIAG_SCHEMA_NAME)
        table = field(CLibPQ_DIAG_TABLE_NAME)
        column = field(CLibPQ_DIAG_COLUMN_NAME)
        constraint = field(CLibPQ_DIAG_CONSTRAINT_NAME)
    }
}
