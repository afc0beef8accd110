import Testing

@testable import ChantierPQ

@Suite("PQPoolState: the pool's bookkeeping")
struct PQPoolStateTests {
    typealias State = PQPoolState<String, String>

    @Test func opensUpToCapacityThenQueuesWaiters() {
        var state = State(capacity: 2)
        guard case .connect = state.lease(id: 1, waiter: "a") else {
            Issue.record("expected connect")
            return
        }
        guard case .connect = state.lease(id: 2, waiter: "b") else {
            Issue.record("expected connect")
            return
        }
        guard case .wait = state.lease(id: 3, waiter: "c") else {
            Issue.record("expected wait")
            return
        }
        #expect(state.slotsInUse == 2)
        #expect(state.waiting == 1)
    }

    @Test func aReturnedConnectionGoesToTheFirstWaiter() {
        var state = State(capacity: 1)
        _ = state.lease(id: 1, waiter: "a")
        _ = state.lease(id: 2, waiter: "b")
        _ = state.lease(id: 3, waiter: "c")
        guard case .hand("conn", let waiter) = state.giveBack("conn", reusable: true) else {
            Issue.record("expected hand-over")
            return
        }
        #expect(waiter == "b")
        #expect(state.waiting == 1)
    }

    @Test func aBrokenConnectionHandsItsSlotToAWaiterOrFreesIt() {
        var state = State(capacity: 1)
        _ = state.lease(id: 1, waiter: "a")
        _ = state.lease(id: 2, waiter: "b")
        guard case .connect(let waiter) = state.giveBack("conn", reusable: false) else {
            Issue.record("expected the slot to pass to the waiter")
            return
        }
        #expect(waiter == "b")
        #expect(state.slotsInUse == 1)
        guard case .drop = state.giveBack("conn2", reusable: false) else {
            Issue.record("expected drop")
            return
        }
        #expect(state.slotsInUse == 0)
    }

    @Test func idleConnectionsAreReusedMostRecentFirst() {
        var state = State(capacity: 2)
        _ = state.lease(id: 1, waiter: "a")
        _ = state.lease(id: 2, waiter: "b")
        _ = state.giveBack("first", reusable: true)
        _ = state.giveBack("second", reusable: true)
        guard case .use("second") = state.lease(id: 3, waiter: "c") else {
            Issue.record("expected second")
            return
        }
    }

    @Test func aTimedOutWaiterIsRemovedOnce() {
        var state = State(capacity: 1)
        _ = state.lease(id: 1, waiter: "a")
        _ = state.lease(id: 2, waiter: "b")
        #expect(state.removeWaiter(id: 2) == "b")
        #expect(state.removeWaiter(id: 2) == nil)
        guard case .keep = state.giveBack("conn", reusable: true) else {
            Issue.record("expected keep")
            return
        }
    }

    @Test func expiredWaitersAreRemovedAndTheOthersKeepTheirPlace() {
        var state = State(capacity: 1)
        _ = state.lease(id: 1, waiter: "a")
        _ = state.lease(id: 2, waiter: "b-expired")
        _ = state.lease(id: 3, waiter: "c")
        _ = state.lease(id: 4, waiter: "d-expired")
        #expect(state.firstWaiter == "b-expired")
        #expect(state.removeWaiters { $0.hasSuffix("-expired") } == ["b-expired", "d-expired"])
        #expect(state.removeWaiters { $0.hasSuffix("-expired") } == [])
        #expect(state.firstWaiter == "c")
        guard case .hand("conn", "c") = state.giveBack("conn", reusable: true) else {
            Issue.record("expected the remaining waiter to be served")
            return
        }
        #expect(state.firstWaiter == nil)
    }

    @Test func closingFailsWaitersAndRefusesLeases() {
        var state = State(capacity: 1)
        _ = state.lease(id: 1, waiter: "a")
        _ = state.lease(id: 2, waiter: "b")
        let closing = state.close()
        #expect(closing.waiters == ["b"])
        guard case .closed = state.lease(id: 3, waiter: "c") else {
            Issue.record("expected closed")
            return
        }
        guard case .drop = state.giveBack("conn", reusable: true) else {
            Issue.record("expected drop")
            return
        }
        #expect(state.slotsInUse == 0)
    }
}
