/// A legal rule pack: the law of one jurisdiction as it applies to young and adult workers.
public enum RulePackID: String, Hashable, Sendable, Codable, CaseIterable {
    /// Québec: the Act respecting labour standards, as amended by the 2023 Act on child labour.
    case quebec = "QC"
    /// The United States' federal Fair Labor Standards Act (non-agricultural).
    case flsa = "US-FLSA"
    /// France: the Code du travail's rules for young workers.
    case france = "FR"
}
