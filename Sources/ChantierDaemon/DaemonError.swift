/// An error of the daemon layer: configuration, start-up, and what the daemon's commands report.
/// ``description`` is what an operator reads; it says what to do.
public struct DaemonError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case databaseUnreachable = "database unreachable"
            case migrationsNotFound = "migrations not found"
            case invalidProgramFile = "invalid program file"
            case invalidConfiguration = "invalid configuration"
            case socketUnavailable = "socket unavailable"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        public var description: String { base.rawValue }

        /// The database did not answer.
        public static let databaseUnreachable = Code(.databaseUnreachable)
        /// No migrations directory was given or found.
        public static let migrationsNotFound = Code(.migrationsNotFound)
        /// A program definition file cannot be used.
        public static let invalidProgramFile = Code(.invalidProgramFile)
        /// A configuration value or file cannot be used; the message names the key.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The API socket cannot be bound, or another daemon answers on it.
        public static let socketUnavailable = Code(.socketUnavailable)
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
