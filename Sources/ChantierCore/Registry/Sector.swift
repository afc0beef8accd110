/// A neighbourhood work is organised by (Adélard-Dugré, Jean-Nicolet…): participants live in one,
/// sites are in one, and the planner prefers keeping people in their own.
public struct Sector: Hashable, Sendable {
    public var id: Int
    public var code: String
    public var name: String
    public var archived: Bool

    public init(id: Int, code: String, name: String, archived: Bool = false) {
        self.id = id
        self.code = code
        self.name = name
        self.archived = archived
    }
}
