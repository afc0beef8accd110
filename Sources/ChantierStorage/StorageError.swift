public import ChantierCore

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
            case notFound = "not found"
            case invalidReference = "invalid reference"
            case invalidRecord = "invalid record"
            case conflict = "conflict"
            case notEligible = "not eligible"
            case forbidden = "forbidden"
            case weekLocked = "week locked"
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
        /// The row the operation is about does not exist.
        public static let notFound = Code(.notFound)
        /// A code the record refers to (a sector, a program…) does not exist or is archived;
        /// ``StorageError/field`` names the field.
        public static let invalidReference = Code(.invalidReference)
        /// The record breaks a rule of its own; ``StorageError/field`` names the field.
        public static let invalidRecord = Code(.invalidRecord)
        /// The change contradicts the state of the data (an exit before the enrollment started,
        /// a cancelled shift).
        public static let conflict = Code(.conflict)
        /// A participant does not meet a program's conditions.
        public static let notEligible = Code(.notEligible)
        /// The caller's role does not reach this row (a supervisor and another site).
        public static let forbidden = Code(.forbidden)
        /// The week is approved and locked.
        public static let weekLocked = Code(.weekLocked)
    }

    public var code: Code
    public var message: String
    /// The field of the request at fault, when one is.
    public var field: String?
    /// The underlying error, for ``debugDescription``.
    public var underlying: (any Error & Sendable)?

    public init(code: Code, message: String, field: String? = nil, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.underlying = underlying
    }

    /// A record refused by its own checks.
    public init(_ error: RecordError) {
        self.init(code: .invalidRecord, message: error.description, field: error.field)
    }

    /// The value of a record's checks, their refusal as an ``Code/invalidRecord`` error.
    static func checking<Value>(_ body: () throws(RecordError) -> Value) throws(StorageError) -> Value {
        do {
            return try body()
        } catch {
            throw StorageError(error)
        }
    }

    public var description: String { message }

    public var debugDescription: String {
        guard let underlying else { return "\(code): \(message)" }
        return "\(code): \(message) (\(String(reflecting: underlying)))"
    }
}
