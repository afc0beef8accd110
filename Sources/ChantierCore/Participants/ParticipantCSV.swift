/// Participants in CSV, one per line. `given_name`, `family_name` and `birth_date` are required to
/// add someone; a line with an `id` updates that participant, changing only the columns the file
/// has. Lists are separated by semicolons: `skills` as `name` or `name:YYYY-MM-DD` (certified
/// until), `availability` as `mon 16:00-19:00`. `social_housing` is `yes` or `no`.
public enum ParticipantCSV {
    public static let columns = [
        "id", "given_name", "family_name", "birth_date", "sex", "email", "phone", "address", "sector", "building",
        "social_housing", "language", "school_calendar", "school_name", "school_status", "diploma",
        "travel_minutes_home", "skills", "availability", "notes",
    ]
    /// The columns a new participant needs.
    public static let requiredToAdd: Set<String> = ["given_name", "family_name", "birth_date"]

    /// A line of the file: who it updates (or `nil` to add someone) and what it sets.
    public struct Line: Sendable {
        public var line: Int
        public var id: Int?
        let row: CSVTable.Row
        let columns: [String]

        /// The profile with this line's columns applied to `base` (for a new participant, a blank one).
        public func applied(to base: Participant.Profile, today: LocalDate) throws(RecordError) -> Participant.Profile {
            var profile = base
            for column in columns { try ParticipantCSV.set(column, row[column], on: &profile) }
            return try profile.validated(today: today)
        }
    }

    /// The lines of `text`, checked for what can be checked without the database.
    public static func lines(in text: String, today: LocalDate) throws(ImportRejected) -> [Line] {
        try plan(of: text, today: today).accepted().map(\.item)
    }

    /// The file's lines: the good ones, and the problems of the others.
    public static func plan(of text: String, today: LocalDate) throws(ImportRejected) -> ImportPlan<Line> {
        let table = try CSVTable(parsing: text, required: [], optional: Set(columns))
        var lines: [(line: Int, item: Line)] = []
        var problems: [ImportProblem] = []
        var ids: [Int: Int] = [:]
        for row in table.rows {
            do throws(RecordError) {
                var id: Int?
                if let text = row["id"] {
                    guard let number = Int(text), number > 0 else {
                        throw RecordError(field: "id", "\"\(text)\" is not a participant id")
                    }
                    if let earlier = ids[number] {
                        throw RecordError(field: "id", "\(number) is also on line \(earlier)")
                    }
                    ids[number] = row.line
                    id = number
                } else {
                    for column in requiredToAdd.sorted() where row[column] == nil {
                        throw RecordError(field: column, "required to add a participant")
                    }
                }
                let line = Line(line: row.line, id: id, row: row, columns: table.columns.filter { $0 != "id" })
                if id == nil { _ = try line.applied(to: blank, today: today) }
                lines.append((row.line, line))
            } catch {
                problems.append(ImportProblem(line: row.line, error))
            }
        }
        return ImportPlan(items: lines, problems: problems)
    }

    /// The profile a new participant's line is applied to.
    public static let blank = Participant.Profile(
        givenName: "",
        familyName: "",
        birthDate: LocalDate(year: 1900, month: 1, day: 1)!
    )

    static func set(_ column: String, _ value: String?, on profile: inout Participant.Profile) throws(RecordError) {
        switch column {
        case "given_name": profile.givenName = value ?? ""
        case "family_name": profile.familyName = value ?? ""
        case "birth_date": profile.birthDate = try RecordFields.date(value ?? "", field: column)
        case "sex":
            profile.sex = try value.map { text throws(RecordError) in try RecordFields.choice(text, field: column) }
        case "email": profile.email = value
        case "phone": profile.phone = value
        case "address": profile.address = value
        case "sector": profile.sectorCode = value
        case "building": profile.building = value
        case "social_housing": profile.livesInSocialHousing = try yesOrNo(value, field: column) ?? true
        case "language":
            profile.language =
                try value.map { text throws(RecordError) in try RecordFields.choice(text, field: column) } ?? .fr
        case "school_calendar": profile.calendarCode = value
        case "school_name": profile.schoolName = value
        case "school_status":
            profile.schoolStatus =
                try value.map { text throws(RecordError) in try RecordFields.choice(text, field: column) }
                ?? .notApplicable
        case "diploma":
            profile.diploma =
                try value.map { text throws(RecordError) in try RecordFields.choice(text, field: column) } ?? .none
        case "travel_minutes_home":
            guard let value else {
                profile.travelMinutesHome = nil
                return
            }
            guard let minutes = Int(value) else {
                throw RecordError(field: column, "\"\(value)\" is not a number of minutes")
            }
            profile.travelMinutesHome = minutes
        case "skills":
            var skills: [Participant.Skill] = []
            for item in list(value) { skills.append(try Participant.Skill(text: item, field: column)) }
            profile.skills = skills
        case "availability":
            profile.availability.windows = try RecordFields.windows(list(value), field: column)
        case "notes": profile.notes = value
        default: break
        }
    }

    private static func list(_ value: String?) -> [String] {
        (value ?? "").split(separator: ";").map(\.trimmed).filter { !$0.isEmpty }
    }

    private static func yesOrNo(_ value: String?, field: String) throws(RecordError) -> Bool? {
        guard let value else { return nil }
        switch value.lowercased() {
        case "yes", "y", "true", "1", "oui", "o": return true
        case "no", "n", "false", "0", "non": return false
        default: throw RecordError(field: field, "\"\(value)\" is not yes or no")
        }
    }

    /// The participants as CSV, with every column.
    public static func text(of participants: [Participant]) -> String {
        var writer = CSVWriter(columns: columns)
        for participant in participants {
            let profile = participant.profile
            writer.append([
                "\(participant.id)", profile.givenName, profile.familyName, "\(profile.birthDate)",
                profile.sex?.rawValue,
                profile.email, profile.phone, profile.address, profile.sectorCode, profile.building,
                profile.livesInSocialHousing ? "yes" : "no", profile.language.rawValue, profile.calendarCode,
                profile.schoolName, profile.schoolStatus.rawValue, profile.diploma.rawValue,
                profile.travelMinutesHome.map(String.init),
                profile.skills.map { skill in skill.certifiedUntil.map { "\(skill.name):\($0)" } ?? skill.name }
                    .joined(separator: ";"),
                profile.availability.windows.map(\.description).joined(separator: ";"), profile.notes,
            ])
        }
        return writer.text
    }
}
