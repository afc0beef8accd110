import Foundation
import Glibc
import Synchronization

/// A `NOTIFY_SOCKET` for tests: a Unix datagram socket that records what a daemon sends to
/// systemd (`READY=1`, `STATUS=…`, `WATCHDOG=1`…), one message per datagram.
public final class NotifyListener: Sendable {
    public let path: String
    private let descriptor: Int32
    private let received = Mutex<[String]>([])
    private let stopped = Atomic<Bool>(false)

    public init(path: String) throws {
        self.path = path
        unlink(path)
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            let bytes = Array(path.utf8)
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard descriptor >= 0, bound == 0 else {
            throw ChildProcess.Failure(
                command: "bind \(path)",
                result: .init(status: errno, output: String(cString: strerror(errno)))
            )
        }
        Thread.detachNewThread { [self] in receive() }
    }

    deinit {
        stopped.store(true, ordering: .relaxed)
        close(descriptor)
        unlink(path)
    }

    /// Every message so far, in order.
    public var messages: [String] { received.withLock { $0 } }

    /// Every assignment so far (`READY=1`…), one per line of each message.
    public var assignments: [String] { messages.flatMap { $0.split(separator: "\n").map(String.init) } }

    /// Waits until an assignment satisfies `predicate`, at most `timeout`; whether one did.
    public func wait(for predicate: (String) -> Bool, timeout: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if assignments.contains(where: predicate) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return assignments.contains(where: predicate)
    }

    private func receive() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !stopped.load(ordering: .relaxed) {
            var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let count = recv(self.descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { continue }
            let message = String(decoding: buffer.prefix(count), as: UTF8.self)
            received.withLock { $0.append(message) }
        }
    }
}
