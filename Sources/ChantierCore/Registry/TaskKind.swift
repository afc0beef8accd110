/// A kind of work (lawn mowing with a power mower, hand-tool cleanup, snow removal…) with what
/// the rule packs read: the equipment it uses and the minimum age the program sets for it.
public struct TaskKind: Hashable, Sendable {
    public var id: Int
    public var code: String
    public var name: String
    /// Equipment names; those in ``Equipment`` decide rules, others are kept and shown.
    public var equipment: [String]
    public var requiredSkills: [String]
    /// The program's minimum age for this task (0: none beyond the law's).
    public var minimumAge: Int
    public var archived: Bool

    public init(
        id: Int,
        code: String,
        name: String,
        equipment: [String] = [],
        requiredSkills: [String] = [],
        minimumAge: Int = 0,
        archived: Bool = false
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.equipment = equipment
        self.requiredSkills = requiredSkills
        self.minimumAge = minimumAge
        self.archived = archived
    }

    /// The equipment the rule packs know.
    public var knownEquipment: Set<Equipment> {
        Set(equipment.compactMap(Equipment.init(rawValue:)))
    }
}
