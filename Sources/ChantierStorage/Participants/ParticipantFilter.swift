public import ChantierCore

/// Which participants a list or an export shows.
public struct ParticipantFilter: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable {
        /// Not archived.
        case active
        /// In a program today.
        case enrolled
        /// Not archived and in no program today.
        case notEnrolled = "not-enrolled"
        case archived
        case all
    }

    /// Enrolled today in this program.
    public var program: String?
    public var sector: String?
    public var status: Status
    /// Ages today, inclusive.
    public var ages: ClosedRange<Int>?
    /// Words of the name, matched without case or accents ("lefebvre" finds Lefèbvre).
    public var search: String?
    public var limit: Int
    public var offset: Int

    public init(
        program: String? = nil,
        sector: String? = nil,
        status: Status = .active,
        ages: ClosedRange<Int>? = nil,
        search: String? = nil,
        limit: Int = 500,
        offset: Int = 0
    ) {
        self.program = program
        self.sector = sector
        self.status = status
        self.ages = ages
        self.search = search
        self.limit = limit
        self.offset = offset
    }
}

/// A participant in a list: enough to find them.
public struct ParticipantSummary: Hashable, Sendable {
    public var id: Int
    public var givenName: String
    public var familyName: String
    public var birthDate: LocalDate
    public var sectorCode: String?
    public var schoolStatus: Participant.SchoolStatus
    /// The programs they are in today.
    public var programs: [String]
    public var archived: Bool
}
