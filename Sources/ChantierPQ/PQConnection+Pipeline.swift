internal import CLibPQ

extension PQConnection {
    /// Runs several statements in one round trip to the server (libpq's pipeline mode) and returns
    /// their rows in order.
    ///
    /// The server runs them one after the other, as if they were sent one by one; when one fails,
    /// those after it are not run and its error is thrown. Outside a transaction they form one
    /// implicit transaction: all or nothing.
    public func queries(_ queries: [PQQuery]) async throws -> [PQResult] {
        if queries.isEmpty { return [] }
        if queries.count == 1 { return [try await query(queries[0])] }
        return try await runBlocking { connection, state throws(PQError) -> [PQResult] in
            do throws(PQError) {
                return try connection.pipelineBlocking(queries, state: &state)
            } catch let error where error.is(.featureNotSupported) && PQtransactionStatus(state.raw) == PQTRANS_IDLE {
                // "cached plan must not change result type": the failing statement was forgotten.
                return try connection.pipelineBlocking(queries, state: &state)
            }
        }
    }

    /// Sends the pending prologue (``State/prologue``) and `queries` in one pipeline and returns the
    /// rows of `queries`. A prologue statement's failure is also kept in ``State/prologueFailure``.
    func pipelineBlocking(_ queries: [PQQuery], state: inout State) throws(PQError) -> [PQResult] {
        let prologueCount = state.prologue.count
        let queries = state.prologue + queries
        var names: [String] = []
        for query in queries {
            try Self.refuseNUL(in: query)
            names.append(try preparedName(for: StatementKey(query), state: &state))
        }
        state.prologue = []
        let raw = state.raw
        guard PQenterPipelineMode(raw) == 1 else { throw connectionError(raw: raw, query: queries.first?.sql) }
        // Fails, leaving the connection in pipeline mode (so the pool retires it), only if results
        // were left unread, which happens only when the connection broke.
        defer { PQexitPipelineMode(raw) }
        for (query, name) in zip(queries, names) {
            let values = query.binds.map(\.text)
            let sent = PQText.withCStrings(values) { pointers in
                PQsendQueryPrepared(raw, name, Int32(values.count), pointers, nil, nil, 0)
            }
            guard sent == 1 else { throw connectionError(raw: raw, query: query.sql) }
        }
        guard PQpipelineSync(raw) == 1 else { throw connectionError(raw: raw, query: nil) }
        var results: [PQResult] = []
        var failure: PQError?
        for (index, query) in queries.enumerated() {
            guard let result = PQgetResult(raw) else {
                failure = failure ?? connectionError(raw: raw, query: query.sql)
                break
            }
            switch PQresultStatus(result) {
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                results.append(PQResult(raw: result))
            case PGRES_PIPELINE_ABORTED:
                PQclear(result)
            default:
                var error = PQError(result: result, query: query.sql)
                if PQstatus(raw) == CONNECTION_BAD { error.code = .connectionLost }
                if error.is(.featureNotSupported) { state.statements[StatementKey(query)] = nil }
                if index < prologueCount { state.prologueFailure = error }
                PQclear(result)
                failure = failure ?? error
            }
            // Each statement's results end with a null.
            if let unexpected = PQgetResult(raw) { PQclear(unexpected) }
        }
        // The end of the pipeline (PGRES_PIPELINE_SYNC).
        if let sync = PQgetResult(raw) { PQclear(sync) }
        if let failure { throw failure }
        return Array(results.dropFirst(prologueCount))
    }
}
