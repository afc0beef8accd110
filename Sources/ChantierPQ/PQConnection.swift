internal import CLibPQ
import Dispatch
import Glibc
public import Logging
import NIOConcurrencyHelpers
import Synchronization

/// One libpq connection. Every call that can block runs on the connection's own thread
/// (``PQThread``), never on Swift's cooperative threads.
///
/// A connection serves one task at a time (the pool leases it out); concurrent use is serialized.
/// Statements are prepared on first use and cached for the life of the connection.
public final class PQConnection: Sendable {
    // The PGconn is only touched with the lock held, which is what makes sharing it safe.
    struct State: @unchecked Sendable {
        let raw: OpaquePointer
        var statements: [StatementKey: String] = [:]
        var nextStatementNumber = 0
        var lastUsed: ContinuousClock.Instant
        /// Statements that go out with the next one, in the same round trip (a transaction's
        /// opening; see ``PQConnection/withTransaction(isolation:readOnly:prologue:maxAttempts:_:)``).
        var prologue: [PQQuery] = []
        /// The error of a prologue statement, kept for the transaction to throw whatever its body
        /// made of the error it received.
        var prologueFailure: PQError?
    }

    /// What identifies a prepared statement: the query's text, as the literals and other text it
    /// was built from (literals by their address, so no text is written out or hashed to find a
    /// statement already prepared), and its parameters' types. The same text built at two places
    /// of the source makes two statements, which is harmless.
    struct StatementKey: Hashable {
        let segments: [PQQuery.Segment]
        let types: [UInt32]

        init(_ query: PQQuery) {
            segments = query.segments
            types = query.binds.map(\.type.oid)
        }

        var sql: String { PQQuery.render(segments) }
    }

    static let statementCacheCapacity = 256

    private let state: NIOLockedValueBox<State>
    // PQcancel only reads this object and is documented as safe from any thread.
    nonisolated(unsafe) private let cancelHandle: OpaquePointer?
    private let wasCancelled = Atomic<Bool>(false)
    private let thread: PQThread
    private let notices: PQNoticeReceiver
    let logger: Logger
    /// The server process serving this connection.
    public let backendPID: Int32
    /// The server version, as libpq reports it (`150018` for 15.18).
    public let serverVersion: Int

    private init(raw: OpaquePointer, thread: PQThread, notices: PQNoticeReceiver, logger: Logger) {
        state = NIOLockedValueBox(State(raw: raw, lastUsed: .now))
        cancelHandle = PQgetCancel(raw)
        self.thread = thread
        self.notices = notices
        self.logger = logger
        backendPID = PQbackendPID(raw)
        serverVersion = Int(PQserverVersion(raw))
    }

    deinit {
        if let cancelHandle { PQfreeCancel(cancelHandle) }
        state.withLockedValue { PQfinish($0.raw) }
        thread.stop()
    }

    /// The executor of the connection's thread, for the task that holds the connection.
    var executor: any TaskExecutor { thread }

    /// Opens a connection and prepares its session (UTC, ISO dates and intervals, statement timeout).
    public static func connect(
        _ configuration: PQConnectionConfiguration,
        logger: Logger
    ) async throws -> PQConnection {
        let notices = PQNoticeReceiver(logger: logger)
        let thread = PQThread(name: "pq-connection")
        let connection: PQConnection
        do {
            connection = try await thread.call { () throws(PQError) -> PQConnection in
                let raw = try openBlocking(configuration)
                notices.install(on: raw)
                return PQConnection(raw: raw, thread: thread, notices: notices, logger: logger)
            }
        } catch {
            thread.stop()
            throw error
        }
        try await connection.simpleQuery(sessionSetup(configuration))
        return connection
    }

    private static func sessionSetup(_ configuration: PQConnectionConfiguration) -> PQQuery {
        // Values are exchanged in UTC and ISO formats whatever the server's defaults are.
        var sql = "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601';"
        let milliseconds = configuration.statementTimeout.map { Self.milliseconds($0) } ?? 0
        sql += " SET statement_timeout = \(milliseconds);"
        return PQQuery(unsafeSQL: sql)
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    private static func openBlocking(_ configuration: PQConnectionConfiguration) throws(PQError) -> OpaquePointer {
        // Entries before `dbname` are defaults the conninfo may override; entries after it win.
        var parameters: [(String, String)] = [("fallback_application_name", configuration.applicationName)]
        if getenv("PGCONNECT_TIMEOUT") == nil {
            let seconds = max(1, configuration.connectTimeout.components.seconds)
            parameters.append(("connect_timeout", String(seconds)))
        }
        parameters.append(("dbname", configuration.conninfo))
        parameters.append(("client_encoding", "UTF8"))
        let raw = PQText.withCStrings(parameters.map(\.0) + [nil]) { keywords in
            PQText.withCStrings(parameters.map(\.1) + [nil]) { values in
                PQconnectdbParams(keywords, values, 1)
            }
        }
        guard let raw else {
            throw PQError(code: .connectionFailed, message: "out of memory while connecting")
        }
        guard PQstatus(raw) == CONNECTION_OK else {
            let message = PQText.trimmedMessage(PQerrorMessage(raw))
            PQfinish(raw)
            throw PQError(code: .connectionFailed, message: message)
        }
        return raw
    }

    // MARK: - Statements

    /// Runs one statement and returns its rows. Interpolated values are sent as parameters.
    @discardableResult
    public func query(_ query: PQQuery) async throws -> PQResult {
        try await runBlocking { connection, state throws(PQError) in
            state.prologue.isEmpty
                ? try connection.executeBlocking(query, state: &state)
                : try connection.pipelineBlocking([query], state: &state)[0]
        }
    }

    /// Runs a script of several statements separated by semicolons, with no parameters (migrations).
    public func simpleQuery(_ script: PQQuery) async throws {
        guard script.binds.isEmpty else {
            throw PQError(code: .invalidParameter, message: "a script cannot take parameters", query: script.sql)
        }
        try await runBlocking { connection, state throws(PQError) in
            if !state.prologue.isEmpty { _ = try connection.pipelineBlocking([], state: &state) }
            let result = PQexec(state.raw, script.sql)
            PQclear(try connection.check(result, raw: state.raw, query: script.sql))
        }
    }

    func executeBlocking(_ query: PQQuery, state: inout State) throws(PQError) -> PQResult {
        try Self.refuseNUL(in: query)
        let key = StatementKey(query)
        do {
            return try executePrepared(query, key: key, state: &state)
        } catch let error where error.is(.featureNotSupported) && PQtransactionStatus(state.raw) == PQTRANS_IDLE {
            // "cached plan must not change result type": a table changed under a cached statement.
            state.statements[key] = nil
            return try executePrepared(query, key: key, state: &state)
        }
    }

    /// libpq takes text parameters as C strings, which end at a NUL.
    static func refuseNUL(in query: PQQuery) throws(PQError) {
        if query.binds.contains(where: { bind in
            guard var text = bind.text else { return false }
            return text.withUTF8 { $0.contains(0) }
        }) {
            throw PQError(code: .textWithNUL, message: "a text parameter contains a NUL character", query: query.sql)
        }
    }

    private func executePrepared(_ query: PQQuery, key: StatementKey, state: inout State) throws(PQError) -> PQResult {
        let name = try preparedName(for: key, state: &state)
        let values = query.binds.map(\.text)
        let result = PQText.withCStrings(values) { pointers in
            PQexecPrepared(state.raw, name, Int32(values.count), pointers, nil, nil, 0)
        }
        do {
            return PQResult(raw: try check(result, raw: state.raw, query: query.sql))
        } catch {
            if error.is(.featureNotSupported) { state.statements[key] = nil }
            throw error
        }
    }

    func preparedName(for key: StatementKey, state: inout State) throws(PQError) -> String {
        if let name = state.statements[key] { return name }
        if state.statements.count >= Self.statementCacheCapacity, PQtransactionStatus(state.raw) == PQTRANS_IDLE {
            PQclear(PQexec(state.raw, "DEALLOCATE ALL"))
            state.statements.removeAll()
        }
        let name = "chantier_\(state.nextStatementNumber)"
        state.nextStatementNumber += 1
        let sql = key.sql
        let result = PQprepare(state.raw, name, sql, Int32(key.types.count), key.types)
        PQclear(try check(result, raw: state.raw, query: sql))
        state.statements[key] = name
        return name
    }

    /// The result if it succeeded; otherwise the error it carries (the result is freed).
    func check(
        _ result: OpaquePointer?,
        raw: OpaquePointer,
        query: @autoclosure () -> String
    ) throws(PQError) -> OpaquePointer {
        guard let result else {
            throw connectionError(raw: raw, query: query())
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        default:
            var error = PQError(result: result, query: query())
            if PQstatus(raw) == CONNECTION_BAD { error.code = .connectionLost }
            PQclear(result)
            throw error
        }
    }

    func connectionError(raw: OpaquePointer, query: String?) -> PQError {
        let lost = PQstatus(raw) == CONNECTION_BAD
        return PQError(
            code: lost ? .connectionLost : .server,
            message: PQText.trimmedMessage(PQerrorMessage(raw)),
            query: query
        )
    }

    // MARK: - Running blocking calls

    /// Runs `body` with exclusive access to the connection on its thread. If the task is
    /// cancelled meanwhile, asks the server to cancel the running statement; the connection is
    /// then retired by the pool, so a late cancel request can never hit a later statement.
    func runBlocking<Result: Sendable>(
        _ body: @escaping @Sendable (PQConnection, inout State) throws(PQError) -> Result
    ) async throws -> Result {
        if Task.isCancelled {
            throw PQError(code: .cancelled, message: "the task was cancelled before the statement was sent")
        }
        let locked = { @Sendable () throws(PQError) -> Result in
            try self.state.withLockedValue { (state: inout State) -> Swift.Result<Result, PQError> in
                defer { state.lastUsed = .now }
                return Swift.Result { () throws(PQError) in try body(self, &state) }
            }.get()
        }
        return try await withTaskCancellationHandler {
            // The task holding the connection runs on its thread (see PQPool.withConnection).
            thread.isCurrent ? try locked() : try await thread.call(locked)
        } onCancel: {
            requestCancel()
        }
    }

    private static let cancelQueue = DispatchQueue(label: "chantier.pq.cancel")

    private func requestCancel() {
        wasCancelled.store(true, ordering: .relaxed)
        guard let cancelHandle else { return }
        nonisolated(unsafe) let handle = cancelHandle
        Self.cancelQueue.async {
            var buffer = [CChar](repeating: 0, count: 256)
            if PQcancel(handle, &buffer, Int32(buffer.count)) == 0 {
                let message = buffer.withUnsafeBufferPointer { PQText.trimmedMessage($0.baseAddress) }
                self.logger.debug("cancel request failed", metadata: ["pq.error": "\(message)"])
            }
            withExtendedLifetime(self) {}
        }
    }

    // MARK: - State for the pool

    /// Whether the connection can go back to the pool: open, outside any transaction and pipeline,
    /// not cancelled.
    var isReusable: Bool {
        guard !wasCancelled.load(ordering: .relaxed) else { return false }
        return state.withLockedValue {
            PQstatus($0.raw) == CONNECTION_OK && PQtransactionStatus($0.raw) == PQTRANS_IDLE
                && PQpipelineStatus($0.raw) == PQ_PIPELINE_OFF && $0.prologue.isEmpty
        }
    }

    /// Whether an idle connection still works: the server has sent nothing since it went idle
    /// (a restart or `pg_terminate_backend` sends a termination message, then closes) and, when it
    /// has been idle longer than `pingAfter`, it answers a ping. The first check does not block
    /// (a poll that does not wait), so it runs on the caller's thread; only a ping goes to the
    /// connection's.
    func isHealthy(pingAfter: Duration) async -> Bool {
        let needsPing = state.withLockedValue { state -> Bool? in
            // Pooled connections never LISTEN, so any input while idle means the session is ending.
            var descriptor = pollfd(fd: PQsocket(state.raw), events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) == 0, PQstatus(state.raw) == CONNECTION_OK else { return nil }
            return ContinuousClock.now - state.lastUsed > pingAfter
        }
        guard let needsPing else { return false }
        guard needsPing else { return true }
        return
            (try? await runBlocking { _, state throws(PQError) -> Bool in
                let result = PQexec(state.raw, "")
                defer { PQclear(result) }
                return result != nil && PQresultStatus(result) == PGRES_EMPTY_QUERY
            }) ?? false
    }

    /// The connection's bookkeeping, for changes that send nothing.
    func withState<Result>(_ body: (inout State) -> Result) -> Result {
        state.withLockedValue(body)
    }

    /// Direct access to the libpq connection, for a listener that owns its connection outright.
    func withRaw<Result>(_ body: (OpaquePointer) throws -> Result) rethrows -> Result {
        try state.withLockedValue { try body($0.raw) }
    }
}
