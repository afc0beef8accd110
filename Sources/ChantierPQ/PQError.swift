/// An error from the database layer: a server error with its SQLSTATE and fields, a lost or refused
/// connection, an exhausted pool, or a value that could not be decoded.
///
/// ``description`` is safe to log: it never contains the query text nor the server's detail, which
/// can quote row values. ``debugDescription`` has everything.
public struct PQError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; stable across releases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case connectionFailed = "connection failed"
            case connectionLost = "connection lost"
            case server = "server error"
            case poolTimeout = "pool timeout"
            case poolClosed = "pool closed"
            case unexpectedNull = "unexpected null"
            case decodingFailed = "decoding failed"
            case columnNotFound = "column not found"
            case cancelled = "cancelled"
            case invalidParameter = "invalid parameter"
            case textWithNUL = "text with NUL"
            case noRows = "no rows"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        public var description: String { base.rawValue }

        /// The server could not be reached or refused the connection.
        public static let connectionFailed = Code(.connectionFailed)
        /// The connection broke while in use; the statement may or may not have run.
        public static let connectionLost = Code(.connectionLost)
        /// The server reported an error; see ``PQError/sqlState``.
        public static let server = Code(.server)
        /// No connection became free within the pool's acquire timeout.
        public static let poolTimeout = Code(.poolTimeout)
        /// The pool was closed.
        public static let poolClosed = Code(.poolClosed)
        /// A column holding NULL was decoded as a non-optional type.
        public static let unexpectedNull = Code(.unexpectedNull)
        /// A column's text could not be decoded as the requested type.
        public static let decodingFailed = Code(.decodingFailed)
        /// A column name was not in the result.
        public static let columnNotFound = Code(.columnNotFound)
        /// The task waiting for the database was cancelled.
        public static let cancelled = Code(.cancelled)
        /// Parameters were given to a statement that cannot take them.
        public static let invalidParameter = Code(.invalidParameter)
        /// A text parameter holds a NUL character, which PostgreSQL cannot store: the input is at fault.
        public static let textWithNUL = Code(.textWithNUL)
        /// A statement expected to return a row returned none.
        public static let noRows = Code(.noRows)
    }

    public var code: Code
    /// The server's SQLSTATE, for ``Code/server`` errors (and some connection errors).
    public var sqlState: SQLState?
    /// The primary message (the server's, or the client library's).
    public var message: String
    public var detail: String?
    public var hint: String?
    public var severity: String?
    public var schema: String?
    public var table: String?
    public var column: String?
    public var constraint: String?
    /// The SQL text of the statement that failed, if any (never its parameters).
    public var query: String?

    public init(
        code: Code,
        message: String,
        sqlState: SQLState? = nil,
        query: String? = nil
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.query = query
    }

    public var description: String {
        var text = "\(code): \(message)"
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let constraint { text += " [constraint \(constraint)]" }
        return text
    }

    public var debugDescription: String {
        var parts = [description]
        if let detail { parts.append("detail: \(detail)") }
        if let hint { parts.append("hint: \(hint)") }
        if let table { parts.append("table: \(schema.map { "\($0)." } ?? "")\(table)") }
        if let column { parts.append("column: \(column)") }
        if let query { parts.append("query: \(query)") }
        return parts.joined(separator: "; ")
    }

    /// Whether this is a server error with the given SQLSTATE.
    public func `is`(_ state: SQLState) -> Bool { sqlState == state }
}
