import ChantierPQ
import ChantierTestSupport
import Testing

@Suite("PQ LISTEN/NOTIFY", .timeLimit(.minutes(1)))
struct PQNotificationTests {
    @Test func aNotificationFromAnotherConnectionIsDelivered() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool { pool throws in
            let notifications = try await pool.listen(to: ["plan_ready", "other"])
            let sender = try await pool.withConnection { connection throws in
                try await connection.query("SELECT pg_notify('plan_ready', \("semaine 2026-W48 — prête"))")
                return connection.backendPID
            }
            var iterator = notifications.makeAsyncIterator()
            let received = try await iterator.next()
            #expect(received?.channel == "plan_ready")
            #expect(received?.payload == "semaine 2026-W48 — prête")
            #expect(received?.senderPID == sender)
        }
    }

    @Test func notificationsArriveInOrderOnEveryChannel() async throws {
        let database = try await TestDatabases.shared.database(migrated: false)
        try await database.withPool { pool throws in
            let notifications = try await pool.listen(to: ["a", "b"])
            try await pool.query("SELECT pg_notify('a', '1'), pg_notify('b', '2')")
            try await pool.query("SELECT pg_notify('a', '3')")
            var received: [String] = []
            for try await notification in notifications {
                received.append("\(notification.channel):\(notification.payload)")
                if received.count == 3 { break }
            }
            #expect(received == ["a:1", "b:2", "a:3"])
        }
    }
}
