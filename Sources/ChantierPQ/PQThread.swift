import Dispatch
import Glibc
import NIOConcurrencyHelpers
import Synchronization

import class Foundation.Thread

/// The thread of one connection. libpq's blocking calls run on it, never on Swift's cooperative
/// threads; and it is a task executor: ``PQPool/withConnection(_:)`` makes it the preferred
/// executor of the task holding the connection, so the code between a transaction's statements
/// runs on it too and each statement is a direct call instead of two thread switches.
final class PQThread: TaskExecutor {
    private enum Work: Sendable {
        case job(UnownedJob)
        case call(@Sendable () -> Void)
        case stop
    }

    private struct Queue {
        var work: [Work] = []
        var stopped = false
    }

    private let queue = NIOLockedValueBox(Queue())
    private let ready = DispatchSemaphore(value: 0)
    private let threadID = Atomic<UInt>(0)

    init(name: String) {
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            // Named from inside: a name given before start() is not applied on Linux.
            Thread.current.name = name
            self.threadID.store(UInt(pthread_self()), ordering: .releasing)
            started.signal()
            run()
        }
        thread.start()
        started.wait()
    }

    /// Whether the caller runs on this thread.
    var isCurrent: Bool { threadID.load(ordering: .acquiring) == UInt(pthread_self()) }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // A task may still prefer this executor after its connection is gone: run it elsewhere.
        if !submit(.job(job)) { globalConcurrentExecutor.enqueue(job) }
    }

    /// Runs `body` on this thread and returns what it returns.
    func call<Result: Sendable>(_ body: @escaping @Sendable () throws(PQError) -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = submit(
                .call { continuation.resume(with: Swift.Result { () throws(PQError) in try body() }) }
            )
            if !accepted {
                continuation.resume(throwing: PQError(code: .poolClosed, message: "the connection is closed"))
            }
        }
    }

    /// Ends the thread once the work already queued is done.
    func stop() {
        _ = submit(.stop)
    }

    private func submit(_ work: Work) -> Bool {
        let accepted = queue.withLockedValue { queue in
            guard !queue.stopped else { return false }
            if case .stop = work { queue.stopped = true }
            queue.work.append(work)
            return true
        }
        if accepted { ready.signal() }
        return accepted
    }

    private func run() {
        while true {
            ready.wait()
            switch queue.withLockedValue({ $0.work.removeFirst() }) {
            case .job(let job): job.runSynchronously(on: asUnownedTaskExecutor())
            case .call(let body): body()
            case .stop: return
            }
        }
    }
}
