public import struct Foundation.Date

/// Where one migration stands in a database.
public struct MigrationStatus: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case applied(at: Date)
        case pending
        /// Applied, but the file changed since.
        case edited(at: Date)
        /// Applied, but this program has no such file (the database is newer than the program).
        case unknown(at: Date)
    }

    public var version: Int
    public var fileName: String
    public var state: State
}
