/// A PostgreSQL SQLSTATE error code, such as `23505` for a unique violation.
///
/// The constants name the codes Chantier reacts to; any other code is still carried verbatim.
public struct SQLState: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// The two-character class, such as `23` (integrity constraint violation).
    public var errorClass: Substring { rawValue.prefix(2) }

    public static let uniqueViolation = SQLState("23505")
    public static let exclusionViolation = SQLState("23P01")
    public static let foreignKeyViolation = SQLState("23503")
    public static let checkViolation = SQLState("23514")
    public static let notNullViolation = SQLState("23502")
    public static let raiseException = SQLState("P0001")
    public static let serializationFailure = SQLState("40001")
    public static let deadlockDetected = SQLState("40P01")
    public static let syntaxError = SQLState("42601")
    public static let undefinedTable = SQLState("42P01")
    public static let insufficientPrivilege = SQLState("42501")
    public static let queryCanceled = SQLState("57014")
    public static let adminShutdown = SQLState("57P01")
    public static let cannotConnectNow = SQLState("57P03")
    public static let featureNotSupported = SQLState("0A000")
    public static let invalidTextRepresentation = SQLState("22P02")
    /// Text the database cannot store: a NUL character, or bytes that are not UTF-8.
    public static let characterNotInRepertoire = SQLState("22021")
    public static let untranslatableCharacter = SQLState("22P05")
    public static let lockNotAvailable = SQLState("55P03")

    /// Whether retrying the whole transaction may succeed (serialization failure or deadlock).
    public var isTransient: Bool { self == .serializationFailure || self == .deadlockDetected }
}
