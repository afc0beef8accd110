/// Work orders in CSV, one per line:
///
/// ```
/// title,client,site,task,program,first_day,last_day,weekdays,start,end,headcount,skills,min_age,priority,supervised,skip,notes
/// Corvée du samedi,ville-trois-rivieres,sainte-marguerite-parc,hand-cleanup,agir-ensemble,2026-11-28,,sat,10:00,12:00,4,,,3,yes,2026-12-26,
/// ```
///
/// `weekdays` lists days separated by semicolons (`mon;wed`, `lun;mer` or ISO numbers); `skills`
/// and `skip` (dates without a shift) too. An import adds new orders; exported files have `id` and
/// `status` columns, and a line with an id is refused (clear it to import the line as a new order).
public enum WorkOrderCSV {
    public static let columns = [
        "title", "client", "site", "task", "program", "first_day", "last_day", "weekdays", "start", "end",
        "headcount", "skills", "min_age", "priority", "supervised", "skip", "notes",
    ]
    public static let required: Set<String> = ["title", "site", "task", "first_day", "weekdays", "start", "end"]
    static let exportOnly = ["id", "status"]

    public static func orders(in text: String) throws(ImportRejected) -> [(line: Int, item: WorkOrder.Details)] {
        try plan(of: text).accepted()
    }

    /// The file's lines: the orders of the good ones, the problems of the others.
    public static func plan(of text: String) throws(ImportRejected) -> ImportPlan<WorkOrder.Details> {
        let table = try CSVTable(
            parsing: text,
            required: required,
            optional: Set(columns + exportOnly).subtracting(required)
        )
        var orders: [(Int, WorkOrder.Details)] = []
        var problems: [ImportProblem] = []
        for row in table.rows {
            do throws(RecordError) {
                if row["id"] != nil {
                    throw RecordError(
                        field: "id",
                        "orders are imported as new orders; clear the id to add this line as one"
                    )
                }
                orders.append((row.line, try details(row)))
            } catch {
                problems.append(ImportProblem(line: row.line, error))
            }
        }
        return ImportPlan(items: orders, problems: problems)
    }

    private static func details(_ row: CSVTable.Row) throws(RecordError) -> WorkOrder.Details {
        var weekdays: Set<Weekday> = []
        for item in list(row["weekdays"]) {
            guard let day = Weekday(loose: item) else {
                throw RecordError(field: "weekdays", "\"\(item)\" is not a day of the week")
            }
            weekdays.insert(day)
        }
        var skipped: Set<LocalDate> = []
        for item in list(row["skip"]) { skipped.insert(try RecordFields.date(item, field: "skip")) }
        return try WorkOrder.Details(
            title: row["title"] ?? "",
            clientCode: row["client"],
            siteCode: row["site"] ?? "",
            taskCode: row["task"] ?? "",
            programCode: row["program"],
            firstDay: try RecordFields.date(row["first_day"] ?? "", field: "first_day"),
            lastDay: try RecordFields.optionalDate(row["last_day"], field: "last_day"),
            weekdays: weekdays,
            start: try RecordFields.time(row["start"] ?? "", field: "start"),
            end: try RecordFields.time(row["end"] ?? "", field: "end"),
            headcount: try number(row["headcount"], field: "headcount") ?? 1,
            requiredSkills: list(row["skills"]),
            minimumAge: try number(row["min_age"], field: "min_age"),
            priority: try number(row["priority"], field: "priority") ?? 3,
            adultSupervision: try supervised(row["supervised"]),
            notes: row["notes"],
            skippedDays: skipped
        ).validated()
    }

    private static func number(_ value: String?, field: String) throws(RecordError) -> Int? {
        guard let value else { return nil }
        guard let number = Int(value) else { throw RecordError(field: field, "\"\(value)\" is not a whole number") }
        return number
    }

    private static func supervised(_ value: String?) throws(RecordError) -> Bool {
        switch value?.lowercased() {
        case nil, "yes", "y", "true", "1", "oui", "o": return true
        case "no", "n", "false", "0", "non": return false
        default: throw RecordError(field: "supervised", "\"\(value!)\" is not yes or no")
        }
    }

    private static func list(_ value: String?) -> [String] {
        (value ?? "").split(separator: ";").map(\.trimmed).filter { !$0.isEmpty }
    }

    public static func text(of orders: [WorkOrder]) -> String {
        var writer = CSVWriter(columns: exportOnly + columns)
        for order in orders {
            let details = order.details
            writer.append([
                "\(order.id)", order.status.rawValue, details.title, details.clientCode, details.siteCode,
                details.taskCode, details.programCode, "\(details.firstDay)", details.lastDay.map { "\($0)" },
                details.weekdays.sorted().map(\.shortName).joined(separator: ";"), "\(details.start)", "\(details.end)",
                "\(details.headcount)", details.requiredSkills.joined(separator: ";"),
                details.minimumAge.map(String.init), "\(details.priority)", details.adultSupervision ? "yes" : "no",
                details.skippedDays.sorted().map { "\($0)" }.joined(separator: ";"), details.notes,
            ])
        }
        return writer.text
    }
}
