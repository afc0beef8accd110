import Foundation

/// The file as written.
struct PlanDocument: Codable {
    struct Interval: Codable {
        var start: String
        var end: String
    }

    struct Limits: Codable {
        var weekMaxMinutes: Int
        var weekdayMaxMinutes: Int?
        var dayMaxMinutes: [String: Int]?
        var allowed: [Interval]?

        enum CodingKeys: String, CodingKey {
            case weekMaxMinutes = "week_max_minutes"
            case weekdayMaxMinutes = "weekday_max_minutes"
            case dayMaxMinutes = "day_max_minutes"
            case allowed
        }
    }

    struct Participant: Codable {
        var id: String
        var birthDate: String
        var sector: String
        var skills: [String]
        var availability: [Interval]
        var fixed: [Interval]?
        var targetMinutes: Int
        var limits: Limits

        enum CodingKeys: String, CodingKey {
            case id
            case birthDate = "birth_date"
            case sector, skills, availability, fixed
            case targetMinutes = "target_minutes"
            case limits
        }
    }

    struct Shift: Codable {
        var id: String
        var start: String
        var end: String
        var sector: String
        var skills: [String]
        var minAge: Int
        var demand: Int
        var priority: Int
        /// Informational.
        var site: String?
        var task: String?

        enum CodingKeys: String, CodingKey {
            case id, start, end, sector, skills, site, task
            case minAge = "min_age"
            case demand, priority
        }
    }

    struct Weights: Codable {
        var coverage: Decimal?
        var shortfallPerHour: Decimal?
        var crossSector: Decimal?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case coverage
            case shortfallPerHour = "shortfall_per_hour"
            case crossSector = "cross_sector"
        }

        init(coverage: Decimal, shortfallPerHour: Decimal, crossSector: Decimal) {
            self.coverage = coverage
            self.shortfallPerHour = shortfallPerHour
            self.crossSector = crossSector
        }

        init(from decoder: any Decoder) throws {
            // An unknown weight is an error, so that a typo cannot fall back to a default.
            let any = try decoder.container(keyedBy: AnyKey.self)
            for key in any.allKeys where CodingKeys(rawValue: key.stringValue) == nil {
                throw DecodingError.dataCorruptedError(
                    forKey: key,
                    in: any,
                    debugDescription: "unknown weight \(key.stringValue)"
                )
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            coverage = try container.decodeIfPresent(Decimal.self, forKey: .coverage)
            shortfallPerHour = try container.decodeIfPresent(Decimal.self, forKey: .shortfallPerHour)
            crossSector = try container.decodeIfPresent(Decimal.self, forKey: .crossSector)
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var format: String
    var weekStart: String
    var participants: [Participant]
    var shifts: [Shift]
    var weights: Weights?

    enum CodingKeys: String, CodingKey {
        case format
        case weekStart = "week_start"
        case participants, shifts, weights
    }
}
