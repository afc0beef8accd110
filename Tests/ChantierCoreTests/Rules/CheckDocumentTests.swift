import ChantierCore
import Foundation
import Testing

@Suite("chantier-check/1 documents")
struct CheckDocumentTests {
    static let valid = """
        {"format": "chantier-check/1", "rule_pack": "QC", "program_policy": null,
         "participant": {"birth_date": "2012-04-10", "attends_school": true},
         "calendar": {"week_starts_on": "sunday", "known_from": "2026-08-01", "known_to": "2027-07-31",
                      "class_days": ["2026-11-11"], "class_hours": {"start": "08:15", "end": "15:30"},
                      "school_year_last_days": ["2027-06-23"]},
         "context": {"travel_minutes_to_residence": 10},
         "existing": [],
         "proposed": {"start": "2026-11-11T16:00", "end": "2026-11-11T18:00", "kind": "work"}}
        """

    /// The document with `path` (dotted keys) replaced by `value` (JSON text), or removed when `nil`.
    func variant(_ path: String, _ value: String?) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: Data(Self.valid.utf8)) as! [String: Any]
        func set(_ dictionary: inout [String: Any], _ keys: ArraySlice<Substring>) throws {
            let key = String(keys.first!)
            if keys.count == 1 {
                dictionary[key] = try value.map {
                    try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed)
                }
                return
            }
            var child = dictionary[key] as? [String: Any] ?? [:]
            try set(&child, keys.dropFirst())
            dictionary[key] = child
        }
        try set(&object, path.split(separator: ".")[...])
        return try JSONSerialization.data(withJSONObject: object)
    }

    func problem(_ data: Data) -> String? {
        do {
            _ = try JSONDecoder().decode(CheckDocument.self, from: data).complianceCase()
            return nil
        } catch let error as DecodingError {
            return DocumentError(error).description
        } catch {
            return "\(error)"
        }
    }

    @Test func aValidDocumentBecomesACase() throws {
        let document = try JSONDecoder().decode(CheckDocument.self, from: Data(Self.valid.utf8))
        let question = try document.complianceCase()
        #expect(question.rulePack == .quebec)
        #expect(question.context.travelMinutesToResidence == 10)
        #expect(question.calendar.isClassDay(LocalDate(iso: "2026-11-11")!))
        #expect(ComplianceEngine().evaluate(question).allowed)
    }

    @Test(arguments: [
        ("format", "\"chantier-check/2\"", "format: must be \"chantier-check/1\""),
        ("rule_pack", "\"ON\"", "rule_pack: must be \"QC\", \"US-FLSA\", \"FR\", not \"ON\""),
        ("participant.birth_date", "\"2012-02-30\"", "participant.birth_date: \"2012-02-30\" is not a YYYY-MM-DD date"),
        ("participant.birth_date", nil, "participant.birth_date: is required"),
        ("participant.attends_school", "\"yes\"", "participant.attends_school: must be true or false"),
        ("participant.atends_school", "true", "participant.atends_school: is not a field of this object"),
        ("calendar.week_starts_on", "\"dimanche\"", "calendar.week_starts_on: must be a day"),
        ("calendar.known_to", "\"2026-07-01\"", "calendar.known_to: must not be before calendar.known_from"),
        ("calendar.class_days", "[\"2026-11-11\", \"2028-01-10\"]", "calendar.class_days[1]: 2028-01-10 is outside"),
        ("calendar.class_hours", nil, "calendar.class_hours: is required when class_days are given"),
        ("context.employer_category", "\"charity\"", "context.employer_category: must be one of"),
        ("context.adult_supervison", "true", "context.adult_supervison: is not a field of this object"),
        ("context.travel_minutes_to_residence", "-5", "context.travel_minutes_to_residence: must not be negative"),
        ("proposed.end", "\"2026-11-11T15:00\"", "proposed.end: must be after proposed.start"),
        ("proposed.start", "\"2026-11-11 16:00\"", "proposed.start: \"2026-11-11 16:00\" is not a YYYY-MM-DDTHH:MM"),
        ("proposed.kind", "\"overtime\"", "proposed.kind: must be \"work\""),
        ("existing", "[{\"start\": \"2026-11-10T16:00\"}]", "existing[0].end: is required"),
        (
            "program_policy",
            "{\"id\": \"p\", \"audience\": \"youth\", \"caps\": [{\"rule\": \"P-30H\", \"season\": \"school-year\", \"work_minutes_per_week\": 1800}]}",
            "program_policy: policy p: cap P-30H allows 30 h"
        ),
        (
            "rule_pack_options", "{\"qc.transition-weeks\": \"sometimes\"}",
            "rule_pack_options: option \"qc.transition-weeks\" takes"
        ),
        ("surprise", "1", "surprise: is not a field of this object"),
    ])
    func malformedDocumentsNameTheField(path: String, value: String?, expected: String) throws {
        let message = try #require(problem(try variant(path, value)))
        #expect(message.hasPrefix(expected), "\(message)")
    }

    @Test func annotationKeysAreAllowedAtTheTop() throws {
        #expect(problem(try variant("id", "\"QC-99\"")) == nil)
    }
}
