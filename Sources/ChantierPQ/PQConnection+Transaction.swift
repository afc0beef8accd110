import Logging

extension PQConnection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// `BEGIN` and the `prologue` (statements whose rows are not needed: settings, a claim) go
    /// out with the transaction's first statement, in one round trip. If a prologue statement
    /// fails, that statement's error is what this throws, whatever `body` made of the error its
    /// statement received.
    ///
    /// A serialization failure (40001) or deadlock (40P01), raised by a statement or by COMMIT, rolls
    /// back and runs `body` again, at most `maxAttempts` times in all, after a short random pause.
    /// `body` must therefore have no effect outside the database that a retry would repeat.
    public func withTransaction<Result>(
        isolation: PQIsolation = .readCommitted,
        readOnly: Bool = false,
        prologue: [PQQuery] = [],
        maxAttempts: Int = 5,
        _ body: (PQConnection) async throws -> Result
    ) async throws -> Result {
        let begin = PQQuery(unsafeSQL: "BEGIN ISOLATION LEVEL \(isolation.rawValue)\(readOnly ? " READ ONLY" : "")")
        var attempt = 1
        while true {
            do {
                open([begin] + prologue)
                let result = try await body(self)
                try await query("COMMIT")
                if let failure = takePrologueFailure() { throw failure }
                return result
            } catch {
                let error = takePrologueFailure() ?? error
                await rollBack()
                guard attempt < maxAttempts, let failure = error as? PQError, failure.sqlState?.isTransient == true
                else { throw error }
                logger.debug(
                    "retrying transaction",
                    metadata: ["pq.sqlstate": "\(failure.sqlState?.rawValue ?? "")", "pq.attempt": "\(attempt + 1)"]
                )
                try await Task.sleep(for: Self.retryPause(afterAttempt: attempt))
                attempt += 1
            }
        }
    }

    private func open(_ statements: [PQQuery]) {
        withState { state in
            state.prologue = statements
            state.prologueFailure = nil
        }
    }

    private func takePrologueFailure() -> PQError? {
        withState { state in
            defer { state.prologueFailure = nil }
            return state.prologueFailure
        }
    }

    /// Rolls back, unless the transaction never reached the server (its `BEGIN` still waits in the
    /// prologue).
    private func rollBack() async {
        let sent = withState { state in
            defer { state.prologue = [] }
            return state.prologue.isEmpty
        }
        guard sent else { return }
        do {
            try await query("ROLLBACK")
        } catch {
            // A broken connection rolls back by itself; the pool will not reuse it.
            logger.debug("rollback failed", metadata: ["pq.error": "\(error)"])
        }
    }

    /// A random pause that grows with each attempt, so that the conflicting transactions spread out.
    static func retryPause(afterAttempt attempt: Int) -> Duration {
        let ceiling = 5 << min(attempt, 6)
        return .milliseconds(Int.random(in: 1...ceiling))
    }
}
