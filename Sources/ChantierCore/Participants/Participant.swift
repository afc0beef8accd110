/// A tenant in a work program: who they are, where they live, their school, skills, availability,
/// guardians and consents (for minors), and their stays in programs. Archived, never deleted.
public struct Participant: Hashable, Sendable {
    public var id: Int
    public var profile: Profile
    public var guardians: [Guardian]
    public var consents: [Consent]
    public var enrollments: [Enrollment]
    public var archived: Bool

    public init(
        id: Int,
        profile: Profile,
        guardians: [Guardian] = [],
        consents: [Consent] = [],
        enrollments: [Enrollment] = [],
        archived: Bool = false
    ) {
        self.id = id
        self.profile = profile
        self.guardians = guardians
        self.consents = consents
        self.enrollments = enrollments
        self.archived = archived
    }

    /// What the rule packs need to know about the person.
    public var person: Person { profile.person }

    /// The enrollments in force on `date`.
    public func enrollments(activeOn date: LocalDate) -> [Enrollment] {
        enrollments.filter { $0.isActive(on: date) }
    }

    public enum Sex: String, Hashable, Sendable, CaseIterable {
        case female, male, other
    }

    public enum Language: String, Hashable, Sendable, CaseIterable {
        case fr, en
    }

    public enum SchoolStatus: String, Hashable, Sendable, CaseIterable {
        case attending
        case notAttending = "not_attending"
        /// Exempted from attendance (Québec Education Act s. 15).
        case exempted
        case graduated
        case notApplicable = "not_applicable"
    }

    public enum Diploma: String, Hashable, Sendable, CaseIterable {
        case none, secondary, vocational, college, university
    }

    /// A skill or certification, valid until a date when it expires.
    public struct Skill: Hashable, Sendable {
        public var name: String
        public var certifiedUntil: LocalDate?

        public init(name: String, certifiedUntil: LocalDate? = nil) {
            self.name = name
            self.certifiedUntil = certifiedUntil
        }

        public func isValid(on date: LocalDate) -> Bool {
            certifiedUntil.map { date <= $0 } ?? true
        }

        /// Parses `name` or `name:YYYY-MM-DD` (valid until that day).
        public init(text: String, field: String = "skills") throws(RecordError) {
            let parts = text.split(separator: ":", maxSplits: 1).map(\.trimmed)
            guard let name = parts.first, !name.isEmpty, name.count <= 100 else {
                throw RecordError(field: field, "\"\(text)\" is not a skill; write name or name:YYYY-MM-DD")
            }
            self.init(name: name, certifiedUntil: try RecordFields.optionalDate(parts.dropFirst().first, field: field))
        }
    }
}
