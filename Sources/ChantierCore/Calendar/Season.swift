/// A program's season: the school year (including its short breaks) or summer.
public enum Season: String, Hashable, Sendable, Codable {
    case schoolYear = "school-year"
    case summer
}
