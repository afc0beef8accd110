import NIOConcurrencyHelpers

/// A fixed number of client connections served at once. The accepting loop takes a slot before
/// serving a connection and waits while there is none, so further clients wait in the socket's
/// backlog (their `connect` blocks) instead of costing the daemon a file descriptor each.
final class ConnectionSlots: Sendable {
    private struct State {
        var free: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state: NIOLockedValueBox<State>

    init(count: Int) {
        precondition(count > 0, "a server needs at least one connection slot")
        state = NIOLockedValueBox(State(free: count))
    }

    /// Takes a free slot, waiting for one if there is none.
    func take() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLockedValue { state in
                guard state.free > 0 else {
                    state.waiting.append(continuation)
                    return false
                }
                state.free -= 1
                return true
            }
            if granted { continuation.resume() }
        }
    }

    /// Gives a slot back, to the longest waiting taker if any.
    func give() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.free += 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
