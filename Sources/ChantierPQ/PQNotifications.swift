internal import CLibPQ
import Glibc
import Synchronization

import class Foundation.Thread

/// A notification sent with `NOTIFY channel, 'payload'` or `pg_notify(channel, payload)`.
public struct PQNotification: Sendable, Hashable {
    public var channel: String
    public var payload: String
    /// The server process of the session that sent it.
    public var senderPID: Int32
}

/// The notifications on the channels a ``PQPool/listen(to:)`` call subscribed to, in the order the
/// server delivered them. The sequence ends with an error if the listening connection breaks
/// (notifications sent while no one listens are not kept by PostgreSQL); stopping iteration or
/// cancelling the task closes the connection.
public struct PQNotifications: AsyncSequence, Sendable {
    public typealias Element = PQNotification
    let stream: AsyncThrowingStream<PQNotification, any Error>

    public func makeAsyncIterator() -> AsyncThrowingStream<PQNotification, any Error>.AsyncIterator {
        stream.makeAsyncIterator()
    }
}

extension PQPool {
    /// Opens a dedicated connection, `LISTEN`s on `channels` (names are case-sensitive, as given to
    /// `pg_notify`), and delivers what arrives. Notifications sent after this returns are delivered.
    /// The connection is not one of the pool's and waits on its own thread.
    public func listen(to channels: [String]) async throws -> PQNotifications {
        let connection = try await PQConnection.connect(configuration.connection, logger: logger)
        for channel in channels {
            try await connection.query("LISTEN \(identifier: channel)")
        }
        let stopped = StopFlag()
        let (stream, continuation) = AsyncThrowingStream<PQNotification, any Error>.makeStream()
        continuation.onTermination = { _ in stopped.value.store(true, ordering: .relaxed) }
        Thread.detachNewThread {
            Self.deliver(from: connection, to: continuation, until: stopped)
        }
        return PQNotifications(stream: stream)
    }

    private static func deliver(
        from connection: PQConnection,
        to continuation: AsyncThrowingStream<PQNotification, any Error>.Continuation,
        until stopped: StopFlag
    ) {
        while !stopped.value.load(ordering: .relaxed) {
            let failure: PQError? = connection.withRaw { raw in
                var descriptor = pollfd(fd: PQsocket(raw), events: Int16(POLLIN), revents: 0)
                // Wake up regularly to notice that the consumer has gone.
                if poll(&descriptor, 1, 200) > 0, PQconsumeInput(raw) == 0 || PQstatus(raw) != CONNECTION_OK {
                    return PQError(code: .connectionLost, message: PQText.trimmedMessage(PQerrorMessage(raw)))
                }
                while let notification = PQnotifies(raw) {
                    continuation.yield(
                        PQNotification(
                            channel: String(cString: notification.pointee.relname),
                            payload: String(cString: notification.pointee.extra),
                            senderPID: notification.pointee.be_pid
                        )
                    )
                    PQfreemem(notification)
                }
                return nil
            }
            if let failure {
                continuation.finish(throwing: failure)
                return
            }
        }
        continuation.finish()
    }
}

/// Set when the consumer of a notification stream has gone.
private final class StopFlag: Sendable {
    let value = Atomic<Bool>(false)
}
