internal import CSystemd
import Glibc
public import Logging

/// Writes native journal entries with structured fields: `MESSAGE`, `PRIORITY`, the code location,
/// and each metadata key upper-cased with dots as underscores (`chantier.participant.id` becomes
/// `CHANTIER_PARTICIPANT_ID`).
public struct JournalLogHandler: LogHandler {
    public let label: String
    public var metadata: Logger.Metadata = [:]
    private let level: @Sendable () -> Logger.Level
    private let identifier: String

    /// - Parameters:
    ///   - identifier: `SYSLOG_IDENTIFIER`, the program's name.
    ///   - level: The level in force, read at each message so that a reload can change it.
    public init(label: String, identifier: String, level: @escaping @Sendable () -> Logger.Level) {
        self.label = label
        self.identifier = identifier
        self.level = level
    }

    public var logLevel: Logger.Level {
        get { level() }
        // The level is the daemon's, changed by reloading its configuration.
        set {}
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = [
            "MESSAGE=\(event.message)",
            "PRIORITY=\(Self.priority(event.level))",
            "SYSLOG_IDENTIFIER=\(identifier)",
            "LOGGER=\(label)",
            "CODE_FILE=\(event.file)",
            "CODE_LINE=\(event.line)",
            "CODE_FUNC=\(event.function)",
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields.append("\(Self.fieldName(key))=\(value)")
        }
        Self.send(fields)
    }

    static func send(_ fields: [String]) {
        var buffers = fields.map { Array($0.utf8) }
        var vectors: [iovec] = []
        vectors.reserveCapacity(buffers.count)
        for index in buffers.indices {
            buffers[index].withUnsafeMutableBytes { bytes in
                vectors.append(iovec(iov_base: bytes.baseAddress, iov_len: bytes.count))
            }
        }
        // The buffers stay alive (and unmoved) until the call returns.
        withExtendedLifetime(buffers) {
            _ = sd_journal_sendv(vectors, Int32(vectors.count))
        }
    }

    /// A journal field name: upper-case letters, digits and underscores, not starting with `_`.
    static func fieldName(_ key: String) -> String {
        let name = String(key.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return name.first == "_" || name.first?.isNumber == true ? "F" + name : name
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Whether standard error is connected to the journal (`JOURNAL_STREAM` names its device and inode).
    public static func standardErrorIsJournal(environment: [String: String]) -> Bool {
        guard let stream = environment["JOURNAL_STREAM"] else { return false }
        let parts = stream.split(separator: ":")
        var status = stat()
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]), fstat(2, &status) == 0
        else {
            return false
        }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }
}
