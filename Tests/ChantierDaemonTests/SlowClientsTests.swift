import ChantierTestSupport
import Foundation
import Testing

/// Clients that stall, trickle or crowd the socket: each costs the daemon a bounded time and the
/// connections served at once are bounded, so they cannot starve it of file descriptors.
@Suite("Slow, stalled and too many clients", .timeLimit(.minutes(3)))
struct SlowClientsTests {
    @Test func stalledClientsAreClosedAndDoNotDelayOthers() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(
            conninfo: database.conninfo,
            environment: ["CHANTIER_API_IDLE_TIMEOUT_SECONDS": "2", "CHANTIER_API_MAX_CONNECTIONS": "400"]
        )
        try await daemon.waitUntilReady()
        let script = """
            import socket, sys, time
            connections = []
            for index in range(300):
                client = socket.socket(socket.AF_UNIX)
                client.connect(sys.argv[1])
                client.sendall(b"POST /v1/sectors HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 100\\r\\n" + (b"\\r\\n{" if index % 2 else b"X-Slow: "))
                connections.append(client)
            print("open", flush=True)
            time.sleep(5)
            # Each must have been closed after its 2 idle seconds; on a busy machine the daemon may
            # still be accepting the last ones, so each gets until a common deadline, not forever.
            deadline = time.monotonic() + 30
            closed = 0
            for client in connections:
                client.settimeout(max(0.01, deadline - time.monotonic()))
                try:
                    while client.recv(4096):
                        pass
                    closed += 1
                except socket.timeout:
                    pass
                except OSError:
                    closed += 1
            print("closed", closed, flush=True)
            """
        let output = daemon.directory.appending(path: "stalled.log").path
        let stalled = try ChildProcess.start("/usr/bin/python3", ["-c", script, daemon.socketPath], outputPath: output)
        for _ in 0..<100 where !stalled.output.contains("open") { try await Task.sleep(for: .milliseconds(50)) }
        #expect(stalled.output.contains("open"), "\(stalled.output)")
        // Another client is answered while the 300 stalled connections are still open.
        #expect(try await daemon.curl([], path: "/v1/sectors").status == 200)
        #expect(!stalled.output.contains("closed"), "answered before the stalled connections were let go")
        _ = await stalled.waitForExit()
        #expect(stalled.output.contains("closed 300"), "\(stalled.output)")
        await daemon.stop()
    }

    @Test func aBodyTricklingInIsCutOffAtTheRequestDeadlineButEachRequestHasItsOwn() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(
            conninfo: database.conninfo,
            environment: ["CHANTIER_API_IDLE_TIMEOUT_SECONDS": "2", "CHANTIER_API_REQUEST_TIMEOUT_SECONDS": "3"]
        )
        try await daemon.waitUntilReady()
        // A body byte every half second keeps the connection from ever being idle for 2 s; the
        // whole body would take 20 s.
        let trickle = try await python(
            """
            client = connect()
            client.sendall(b"POST /v1/sectors HTTP/1.1\\r\\nHost: x\\r\\nContent-Type: application/json\\r\\nContent-Length: 40\\r\\n\\r\\n")
            sent = 0
            try:
                for byte in b'{"code": "slow", "name": "trickled in"} ':
                    client.sendall(bytes([byte]))
                    sent += 1
                    time.sleep(0.5)
                answer = client.recv(4096)
            except OSError:
                answer = b""
            print("sent", sent, "of 40, answer", answer[:12])
            """,
            daemon: daemon
        )
        #expect(trickle.contains("of 40, answer b''"), "\(trickle)")
        #expect(!trickle.contains("sent 40 "), "the trickling request was let in whole: \(trickle)")
        // One connection used for 6 s, longer than the deadline: each request, its body sent in
        // two halves a second apart, arrives in time, and the time between requests does not count.
        let kept = try await python(
            """
            client = connect()
            answered = 0
            for index in range(3):
                body = b'{"code": "kept%d", "name": "sent in halves"}' % index
                client.sendall(b"POST /v1/sectors HTTP/1.1\\r\\nHost: x\\r\\nContent-Type: application/json\\r\\nContent-Length: %d\\r\\n\\r\\n" % len(body) + body[:10])
                time.sleep(1)
                client.sendall(body[10:])
                if response(client).startswith(b"HTTP/1.1 2"):
                    answered += 1
                time.sleep(1.5)
            print("answered", answered)
            """,
            daemon: daemon
        )
        #expect(kept.contains("answered 3"), "\(kept)")
        #expect(try await daemon.curl([], path: "/v1/sectors").body.contains("kept2"))
        await daemon.stop()
    }

    @Test func clientsBeyondTheConnectionLimitWaitForAFreeSlot() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(
            conninfo: database.conninfo,
            environment: ["CHANTIER_API_MAX_CONNECTIONS": "4"]
        )
        try await daemon.waitUntilReady()
        let output = try await python(
            """
            held = []
            for index in range(4):
                client = connect()
                client.sendall(b"GET /v1/status HTTP/1.1\\r\\n")
                held.append(client)
            time.sleep(0.5)
            late = connect()
            late.sendall(b"GET /v1/status HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n")
            late.settimeout(1)
            try:
                print("while 4 are held:", late.recv(4096)[:12])
            except socket.timeout:
                print("while 4 are held: waiting")
            held[0].close()
            late.settimeout(10)
            print("once one is closed:", response(late)[:12])
            """,
            daemon: daemon
        )
        #expect(output.contains("while 4 are held: waiting"), "\(output)")
        #expect(output.contains("once one is closed: b'HTTP/1.1 200'"), "\(output)")
        await daemon.stop()
    }

    /// Runs `body` in Python with `connect()` (a new connection to the daemon's socket) and
    /// `response(client)` (one whole response read from it); returns what it printed.
    private func python(_ body: String, daemon: TestDaemon) async throws -> String {
        let script = """
            import socket, sys, time
            def connect():
                client = socket.socket(socket.AF_UNIX)
                client.connect(sys.argv[1])
                return client
            def response(client):
                data = b""
                while b"\\r\\n\\r\\n" not in data:
                    chunk = client.recv(4096)
                    if not chunk:
                        return data
                    data += chunk
                head, _, body = data.partition(b"\\r\\n\\r\\n")
                length = 0
                for line in head.split(b"\\r\\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                while len(body) < length:
                    chunk = client.recv(4096)
                    if not chunk:
                        break
                    body += chunk
                return head + b"\\r\\n\\r\\n" + body

            """ + body
        return try await ChildProcess.check("/usr/bin/python3", ["-c", script, daemon.socketPath])
    }
}
