import ChantierCore
import ChantierPQ
import NIOConcurrencyHelpers

/// Decoded program policies by their stored JSON text. A policy is read for every hour logged and
/// every plan, and decoding it is a noticeable part of that work; the text is its whole input, so
/// a document seen before decodes to the same value. Bounded: emptied when it holds too many.
final class ProgramPolicyCache: Sendable {
    static let shared = ProgramPolicyCache(capacity: 256)

    private let capacity: Int
    private let decoded = NIOLockedValueBox<[String: ProgramPolicy]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    func policy(_ json: PQJSON) throws -> ProgramPolicy {
        if let known = decoded.withLockedValue({ $0[json.text] }) { return known }
        let policy = try json.decode(ProgramPolicy.self)
        decoded.withLockedValue { cache in
            if cache.count >= capacity { cache.removeAll() }
            cache[json.text] = policy
        }
        return policy
    }
}
