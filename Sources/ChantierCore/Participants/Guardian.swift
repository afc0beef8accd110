/// A minor participant's parent or tutor.
public struct Guardian: Hashable, Sendable {
    public var id: Int
    public var name: String
    public var relationship: String?
    public var phone: String?
    public var email: String?
    public var notes: String?

    public init(
        id: Int,
        name: String,
        relationship: String? = nil,
        phone: String? = nil,
        email: String? = nil,
        notes: String? = nil
    ) {
        self.id = id
        self.name = name
        self.relationship = relationship
        self.phone = phone
        self.email = email
        self.notes = notes
    }
}
