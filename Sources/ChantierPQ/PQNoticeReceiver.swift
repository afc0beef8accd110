internal import CLibPQ
import Logging

/// Sends the server's notices and warnings (`RAISE NOTICE`, "relation already exists, skipping")
/// to the logger: warnings at info, the rest at debug, since a library logs at info or below.
final class PQNoticeReceiver: Sendable {
    let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Routes `connection`'s notices here; the receiver must outlive the connection.
    func install(on connection: OpaquePointer) {
        let callback: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?) -> Void = { context, result in
            guard let context, let result else { return }
            Unmanaged<PQNoticeReceiver>.fromOpaque(context).takeUnretainedValue().receive(result)
        }
        _ = PQsetNoticeReceiver(connection, callback, Unmanaged.passUnretained(self).toOpaque())
    }

    private func receive(_ result: OpaquePointer) {
        let notice = PQError(result: result, query: nil)
        let level: Logger.Level = notice.severity == "WARNING" ? .info : .debug
        var metadata: Logger.Metadata = ["pq.severity": "\(notice.severity ?? "NOTICE")"]
        if let sqlState = notice.sqlState { metadata["pq.sqlstate"] = "\(sqlState)" }
        logger.log(level: level, "\(notice.message)", metadata: metadata)
    }
}
