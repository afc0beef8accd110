/// Who a program serves: youth (13–17, minors under the rule packs) or adults.
public enum Audience: String, Hashable, Sendable, Codable, CaseIterable {
    case youth
    case adult
}
