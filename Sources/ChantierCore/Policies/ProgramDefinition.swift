/// A work program as an administrator describes it in `Config/programs/NAME.yaml`: who it serves,
/// the legal rule pack it runs under, and its policy from a date.
public struct ProgramDefinition: Sendable, Hashable {
    /// The program's code, lower-case words joined by dashes (`agir-ensemble`).
    public var code: String
    public var name: String
    public var audience: Audience
    public var rulePack: RulePackID
    public var employerCategory: EmployerCategory
    public var minimumAge: Int?
    public var maximumAge: Int?
    public var requiresSocialHousing: Bool
    /// The day the policy takes effect.
    public var effectiveFrom: LocalDate
    public var policy: ProgramPolicy
}

extension ProgramDefinition: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, audience, ages, policy
        case rulePack = "rule_pack"
        case employerCategory = "employer_category"
        case requiresSocialHousing = "requires_social_housing"
        case effectiveFrom = "effective_from"
    }

    struct Ages: Decodable {
        var min: Int?
        var max: Int?
    }

    /// Decodes and validates: a bad code, an empty age range, or a policy looser than the law
    /// fails here, naming the key.
    public init(from decoder: any Decoder) throws {
        try KnownKeys.check(decoder, allowed: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        guard ReferenceCode.isValid(code) else {
            throw DecodingError.dataCorruptedError(
                forKey: .code,
                in: container,
                debugDescription: "\"\(code)\" must be \(ReferenceCode.rule)"
            )
        }
        name = try container.decode(String.self, forKey: .name)
        audience = try container.decode(Audience.self, forKey: .audience)
        let pack = try container.decodeIfPresent(String.self, forKey: .rulePack) ?? RulePackID.quebec.rawValue
        guard let rulePack = RulePackID(rawValue: pack) else {
            throw DecodingError.dataCorruptedError(
                forKey: .rulePack,
                in: container,
                debugDescription: "must be QC, US-FLSA or FR, not \"\(pack)\""
            )
        }
        self.rulePack = rulePack
        employerCategory =
            try container.decodeIfPresent(EmployerCategory.self, forKey: .employerCategory) ?? .npoSocialCommunity
        let ages = try container.decodeIfPresent(Ages.self, forKey: .ages)
        minimumAge = ages?.min
        maximumAge = ages?.max
        if let minimumAge, let maximumAge, minimumAge > maximumAge {
            throw DecodingError.dataCorruptedError(
                forKey: .ages,
                in: container,
                debugDescription: "min (\(minimumAge)) is above max (\(maximumAge))"
            )
        }
        requiresSocialHousing = try container.decodeIfPresent(Bool.self, forKey: .requiresSocialHousing) ?? true
        effectiveFrom = try container.decode(LocalDate.self, forKey: .effectiveFrom)
        var policy = try container.decode(ProgramPolicy.self, forKey: .policy)
        policy.id = code
        policy.audience = policy.audience ?? audience
        do {
            try policy.validate(against: rulePack)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .policy, in: container, debugDescription: error.message)
        }
        self.policy = policy
    }
}
