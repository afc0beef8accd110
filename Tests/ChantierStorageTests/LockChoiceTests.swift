import ChantierTestSupport
import Foundation
import Testing

/// Swift 6.3's optimizer miscompiles `Synchronization.Mutex` in async functions: the lock inlines
/// the read of a thread-local thread id, and the address of that thread-local can be computed
/// before an `await` and used after it, on another thread. The lock then records the wrong owner
/// and the unlock traps ("Call to unlock Mutex on a thread which hasn't acquired the lock"); the
/// daemon crashed so in a release build under load (see docs/BENCHMARKS.md). The sources use NIO's
/// `NIOLockedValueBox` (a pthread mutex, no thread id in Swift code) and Synchronization only for
/// atomics.
@Suite("Locks do not use Synchronization.Mutex")
struct LockChoiceTests {
    @Test func noSourceFileUsesSynchronizationMutex() throws {
        let mutex = /\bMutex\s*[<(]/
        for file in try SourceFiles.swift(under: "Sources") {
            let uses = file.text.split(separator: "\n").filter { line in
                !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(mutex)
            }
            #expect(uses.isEmpty, "\(file.path) uses Synchronization.Mutex: use NIOLockedValueBox (see this suite)")
        }
    }
}
