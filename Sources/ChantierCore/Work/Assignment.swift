/// A participant on a shift, from assignment to confirmation (or decline) to completion.
public struct Assignment: Hashable, Sendable {
    public var id: Int
    public var shiftID: Int
    public var participantID: Int
    public var participantName: String
    public var status: Status
    public var source: Source
    public var statusReason: String?

    public init(
        id: Int,
        shiftID: Int,
        participantID: Int,
        participantName: String,
        status: Status,
        source: Source = .manual,
        statusReason: String? = nil
    ) {
        self.id = id
        self.shiftID = shiftID
        self.participantID = participantID
        self.participantName = participantName
        self.status = status
        self.source = source
        self.statusReason = statusReason
    }

    public enum Status: String, Hashable, Sendable, CaseIterable {
        case assigned, confirmed, declined, cancelled, completed
        case noShow = "no_show"

        /// Whether the assignment takes one of the shift's places.
        public var holdsPlace: Bool {
            switch self {
            case .assigned, .confirmed, .completed, .noShow: true
            case .declined, .cancelled: false
            }
        }
    }

    public enum Source: String, Hashable, Sendable, CaseIterable {
        case manual, planner
    }
}
