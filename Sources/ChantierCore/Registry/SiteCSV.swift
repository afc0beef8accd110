/// Sites in CSV: `code,name,sector,client,address,notes`. Importing a code that exists updates
/// that site, so a file exported, edited and imported again does what it says.
public enum SiteCSV {
    public static let columns = ["code", "name", "sector", "client", "address", "notes"]
    public static let required: Set<String> = ["code", "name", "sector"]

    public static func drafts(in text: String) throws(ImportRejected) -> [(line: Int, item: Site.Draft)] {
        try plan(of: text).accepted()
    }

    /// The file's lines: the drafts of the good ones, the problems of the others.
    public static func plan(of text: String) throws(ImportRejected) -> ImportPlan<Site.Draft> {
        let table = try CSVTable(parsing: text, required: required, optional: Set(columns).subtracting(required))
        var drafts: [(Int, Site.Draft)] = []
        var problems: [ImportProblem] = []
        var codes: [String: Int] = [:]
        for row in table.rows {
            do throws(RecordError) {
                let draft = try Site.Draft(
                    code: row["code"] ?? "",
                    name: row["name"] ?? "",
                    sectorCode: row["sector"] ?? "",
                    clientCode: row["client"],
                    address: row["address"],
                    notes: row["notes"]
                )
                if let earlier = codes[draft.code] {
                    throw RecordError(field: "code", "\(draft.code) is also on line \(earlier)")
                }
                codes[draft.code] = row.line
                drafts.append((row.line, draft))
            } catch {
                problems.append(ImportProblem(line: row.line, error))
            }
        }
        return ImportPlan(items: drafts, problems: problems)
    }

    public static func text(of sites: [Site]) -> String {
        var writer = CSVWriter(columns: columns)
        for site in sites {
            writer.append([site.code, site.name, site.sectorCode, site.clientCode, site.address, site.notes])
        }
        return writer.text
    }
}
