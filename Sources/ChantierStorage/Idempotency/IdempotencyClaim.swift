/// A request that carries an `Idempotency-Key`: what it was, so that a retry can be told apart
/// from a different request reusing the key.
public struct IdempotencyClaim: Sendable, Hashable {
    public var callerUID: Int
    public var key: String
    public var method: String
    public var path: String
    public var requestBody: [UInt8]

    public init(callerUID: Int, key: String, method: String, path: String, requestBody: [UInt8]) {
        self.callerUID = callerUID
        self.key = key
        self.method = method
        self.path = path
        self.requestBody = requestBody
    }
}

/// The stored outcome of the first request with a key.
public struct IdempotencyRecord: Sendable, Hashable {
    public var claim: IdempotencyClaim
    /// The first response, once stored; `nil` while the first request is being answered.
    public var response: StoredResponse?
    /// The first request's change committed long ago and its answer was never stored: the daemon
    /// that answered it stopped in between. No answer will come; the change is there.
    public var answerLost = false

    public struct StoredResponse: Sendable, Hashable {
        public var status: Int
        public var contentType: String?
        public var body: [UInt8]

        public init(status: Int, contentType: String?, body: [UInt8]) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }
}
