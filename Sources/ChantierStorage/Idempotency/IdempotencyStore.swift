import ChantierPQ

/// Idempotency keys in `idempotency_keys`.
public enum IdempotencyStore {
    /// How long after its claim a request without a stored answer is taken for one whose daemon
    /// stopped: longer than any request runs (statements time out after 30 s by default).
    static let answerWait = PQInterval(minutes: 2)

    /// The record of `key` for `callerUID`, if a request used it.
    public static func find(callerUID: Int, key: String, in database: Database) async throws -> IdempotencyRecord? {
        try await database.read { connection in
            guard
                let row = try await connection.query(
                    """
                    SELECT method, path, request_body, response_status, response_content_type, response_body,
                           response_status IS NULL AND created_at < now() - \(answerWait)
                    FROM idempotency_keys WHERE caller_uid = \(callerUID) AND key = \(key)
                    """
                ).firstRow
            else { return nil }
            let (method, path, request, status, contentType, body, answerLost) = try row.decode(
                String.self,
                String.self,
                PQBytes.self,
                Int?.self,
                String?.self,
                PQBytes?.self,
                Bool.self
            )
            let claim = IdempotencyClaim(
                callerUID: callerUID,
                key: key,
                method: method,
                path: path,
                requestBody: request.bytes
            )
            let response = status.map {
                IdempotencyRecord.StoredResponse(status: $0, contentType: contentType, body: body?.bytes ?? [])
            }
            return IdempotencyRecord(claim: claim, response: response, answerLost: answerLost)
        }
    }

    /// The statement that claims the key inside the current transaction. It fails on the key's
    /// primary key when another request claimed it (``claimError(_:)``).
    static func claim(_ claim: IdempotencyClaim) -> PQQuery {
        """
        INSERT INTO idempotency_keys (caller_uid, key, method, path, request_body)
        VALUES (\(claim.callerUID), \(claim.key), \(claim.method), \(claim.path), \(PQBytes(claim.requestBody)))
        """
    }

    /// What a failed claim means, if `error` is one.
    static func claimError(_ error: PQError) -> StorageError? {
        guard error.is(.uniqueViolation), error.constraint == "idempotency_keys_pkey" else { return nil }
        return StorageError(
            code: .idempotencyKeyInUse,
            message: "another request with this Idempotency-Key is being processed; retry in a moment",
            underlying: error
        )
    }

    /// Stores the response of the request that claimed the key.
    public static func storeResponse(
        _ response: IdempotencyRecord.StoredResponse,
        callerUID: Int,
        key: String,
        in database: Database
    ) async throws {
        try await database.read { connection in
            try await connection.query(
                """
                UPDATE idempotency_keys
                SET response_status = \(response.status), response_content_type = \(response.contentType),
                    response_body = \(PQBytes(response.body))
                WHERE caller_uid = \(callerUID) AND key = \(key) AND response_status IS NULL
                """
            )
        }
    }
}
