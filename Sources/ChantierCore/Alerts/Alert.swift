/// An alert as raised: what it says, when, and who acknowledged it.
public struct Alert: Hashable, Sendable {
    public var id: Int
    public var draft: AlertDraft
    /// Local times.
    public var raisedAt: LocalDateTime
    public var acknowledgedAt: LocalDateTime?
    public var acknowledgedBy: String?

    public init(
        id: Int,
        draft: AlertDraft,
        raisedAt: LocalDateTime,
        acknowledgedAt: LocalDateTime? = nil,
        acknowledgedBy: String? = nil
    ) {
        self.id = id
        self.draft = draft
        self.raisedAt = raisedAt
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
    }
}
