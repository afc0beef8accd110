/// Who orders work: the housing office, the city, a residents' committee…
public struct Client: Hashable, Sendable {
    public var id: Int
    public var code: String
    public var name: String
    public var kind: Kind
    public var contactName: String?
    public var phone: String?
    public var email: String?
    public var notes: String?
    public var archived: Bool

    public init(
        id: Int,
        code: String,
        name: String,
        kind: Kind,
        contactName: String? = nil,
        phone: String? = nil,
        email: String? = nil,
        notes: String? = nil,
        archived: Bool = false
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.contactName = contactName
        self.phone = phone
        self.email = email
        self.notes = notes
        self.archived = archived
    }

    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case housingOffice = "housing_office"
        case city
        case resident
        case communityGroup = "community_group"
        case business
        case other
    }
}
