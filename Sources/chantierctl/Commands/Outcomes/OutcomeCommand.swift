import ArgumentParser
import ChantierAPI

/// `chantierctl outcome …`: what became of participants.
struct OutcomeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome",
        abstract: "Record, list and show participants' outcomes: work, school, diplomas.",
        discussion: """
            An outcome is a participant's situation on a date, with its source (self_reported or \
            verified). It follows an enrollment (by default the latest one started by then). \
            Outcomes are never changed: a later observation is a new outcome.
            """,
        subcommands: [RecordOutcome.self, List.self, Show.self]
    )

    static func listing(_ outcomes: [Components.Schemas.Outcome]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "id", label: "id"), .init(key: "observed_on", label: "date"),
                .init(key: "participant_id", label: "#"),
                .init(key: "participant", label: m.pick("participant", "participant")),
                .init(key: "program", label: m.pick("program", "programme")),
                .init(key: "situation", label: m.pick("situation", "situation")),
                .init(key: "source", label: m.pick("source", "source")),
                .init(key: "note", label: "note"),
            ],
            rows: outcomes.map { outcome in
                [
                    "\(outcome.id)", outcome.observedOn, "\(outcome.participantId)", outcome.participantName,
                    outcome.program ?? "", situation(outcome), outcome.source.rawValue, outcome.note ?? "",
                ]
            }
        )
    }

    /// `diploma_obtained (college)`.
    static func situation(_ outcome: Components.Schemas.Outcome) -> String {
        outcome.situation.rawValue + (outcome.diplomaLevel.map { " (\($0.rawValue))" } ?? "")
    }

    static func record(_ outcome: Components.Schemas.Outcome) -> Record {
        let m = Messages.current
        return Record(fields: [
            .init(key: "id", label: "id", value: "\(outcome.id)"),
            .init(
                key: "participant",
                label: m.pick("participant", "participant"),
                value: "\(outcome.participantName) #\(outcome.participantId)"
            ),
            .init(key: "observed_on", label: "date", value: outcome.observedOn),
            .init(key: "situation", label: m.pick("situation", "situation"), value: situation(outcome)),
            .init(key: "source", label: m.pick("source", "source"), value: outcome.source.rawValue),
            .init(
                key: "enrollment",
                label: m.pick("follows", "suit"),
                value: outcome.enrollmentId.map { "\(outcome.program ?? "") (enrollment \($0))" } ?? ""
            ),
            .init(key: "note", label: "note", value: outcome.note ?? ""),
            .init(key: "recorded_by", label: m.pick("recorded by", "consigné par"), value: outcome.recordedBy),
        ])
    }
}
