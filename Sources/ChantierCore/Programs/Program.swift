/// A work program as stored: who it serves, its legal rule pack, its eligibility, and its policy
/// versions, each in force from its date until the next one.
public struct Program: Hashable, Sendable {
    public var id: Int
    public var code: String
    public var name: String
    public var audience: Audience
    public var rulePack: RulePackID
    public var employerCategory: EmployerCategory
    public var minimumAge: Int?
    public var maximumAge: Int?
    public var requiresSocialHousing: Bool
    public var archived: Bool
    /// Oldest first.
    public var policies: [PolicyVersion]

    public init(
        id: Int,
        code: String,
        name: String,
        audience: Audience,
        rulePack: RulePackID,
        employerCategory: EmployerCategory,
        minimumAge: Int? = nil,
        maximumAge: Int? = nil,
        requiresSocialHousing: Bool = true,
        archived: Bool = false,
        policies: [PolicyVersion] = []
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.audience = audience
        self.rulePack = rulePack
        self.employerCategory = employerCategory
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
        self.requiresSocialHousing = requiresSocialHousing
        self.archived = archived
        self.policies = policies.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    public struct PolicyVersion: Hashable, Sendable {
        public var effectiveFrom: LocalDate
        public var policy: ProgramPolicy
        public var note: String?

        public init(effectiveFrom: LocalDate, policy: ProgramPolicy, note: String? = nil) {
            self.effectiveFrom = effectiveFrom
            self.policy = policy
            self.note = note
        }
    }

    /// The policy in force on `date`: the latest version that took effect on or before it.
    public func policy(on date: LocalDate) -> ProgramPolicy? {
        policies.last { $0.effectiveFrom <= date }?.policy
    }

    /// Why `person` cannot join on `date`, or `nil` when they can.
    public func ineligibility(of profile: Participant.Profile, on date: LocalDate) -> String? {
        let age = profile.person.age(on: date)
        if let minimumAge, age < minimumAge {
            return "\(profile.fullName) is \(age) on \(date); \(name) accepts people aged \(minimumAge) or more"
        }
        if let maximumAge, age > maximumAge {
            return "\(profile.fullName) is \(age) on \(date); \(name) accepts people aged \(maximumAge) or less"
        }
        if requiresSocialHousing && !profile.livesInSocialHousing {
            return "\(name) is for social-housing tenants, and \(profile.fullName) is not recorded as one"
        }
        return nil
    }
}
