/// An error of the storage layer. ``description`` is safe to show an operator; it names files
/// and what to do, never row values.
public struct StorageError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case migrationsNotFound = "migrations not found"
            case invalidMigration = "invalid migration"
            case migrationEdited = "migration edited"
            case migrationOutOfOrder = "migration out of order"
            case schemaNewerThanProgram = "schema newer than program"
            case migrationFailed = "migration failed"
            case idempotencyKeyInUse = "idempotency key in use"
            case alreadyExists = "already exists"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        public var description: String { base.rawValue }

        /// The migrations directory does not exist or holds no migration.
        public static let migrationsNotFound = Code(.migrationsNotFound)
        /// A file in the migrations directory is misnamed, unreadable, or repeats a version.
        public static let invalidMigration = Code(.invalidMigration)
        /// An applied migration's file changed since it was applied.
        public static let migrationEdited = Code(.migrationEdited)
        /// A pending migration is numbered below one already applied.
        public static let migrationOutOfOrder = Code(.migrationOutOfOrder)
        /// The database has migrations this program does not know: it is older than the schema.
        public static let schemaNewerThanProgram = Code(.schemaNewerThanProgram)
        /// A migration's SQL failed; nothing of it was applied.
        public static let migrationFailed = Code(.migrationFailed)
        /// Another request with the same idempotency key is in flight.
        public static let idempotencyKeyInUse = Code(.idempotencyKeyInUse)
        /// A row with the same code exists already.
        public static let alreadyExists = Code(.alreadyExists)
    }

    public var code: Code
    public var message: String
    /// The underlying error, for ``debugDescription``.
    public var underlying: (any Error & Sendable)?

    public init(code: Code, message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }

    public var debugDescription: String {
        guard let underlying else { return "\(code): \(message)" }
        return "\(code): \(message) (\(String(reflecting: underlying)))"
    }
}
