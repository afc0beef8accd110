/// Where work happens: a building's grounds, a park, a parking lot. A site is in a sector and
/// usually belongs to a client.
public struct Site: Hashable, Sendable {
    public var id: Int
    public var code: String
    public var name: String
    public var sectorCode: String
    public var clientCode: String?
    public var address: String?
    public var notes: String?
    public var archived: Bool
    /// The Unix users who supervise the site: they log its hours and submit its weeks.
    public var supervisors: [String]

    public init(
        id: Int,
        code: String,
        name: String,
        sectorCode: String,
        clientCode: String? = nil,
        address: String? = nil,
        notes: String? = nil,
        archived: Bool = false,
        supervisors: [String] = []
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.sectorCode = sectorCode
        self.clientCode = clientCode
        self.address = address
        self.notes = notes
        self.archived = archived
        self.supervisors = supervisors
    }

    /// A new site as a coordinator or a CSV file gives it, checked.
    public struct Draft: Hashable, Sendable {
        public var code: String
        public var name: String
        public var sectorCode: String
        public var clientCode: String?
        public var address: String?
        public var notes: String?

        public init(
            code: String,
            name: String,
            sectorCode: String,
            clientCode: String? = nil,
            address: String? = nil,
            notes: String? = nil
        ) throws(RecordError) {
            self.code = try RecordFields.code(code)
            self.name = try RecordFields.text(name, field: "name")
            self.sectorCode = try RecordFields.code(sectorCode, field: "sector")
            self.clientCode = try clientCode.map { code throws(RecordError) in
                try RecordFields.code(code, field: "client")
            }
            self.address = try RecordFields.optionalText(address, field: "address", maximum: 500)
            self.notes = try RecordFields.optionalText(notes, field: "notes")
        }
    }
}
