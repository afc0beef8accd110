import ArgumentParser
import ChantierAPI
import ChantierClient

/// `chantierctl plan …`: the week's plan the daemon proposes, reviewed and committed.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Propose, review, commit or discard a week's plan.",
        discussion: """
            The daemon builds the week from the database (open shifts, participants enrolled that \
            week, their availability, skills, existing work and the limits the rules leave them), \
            plans it and stores the result as a proposal; existing assignments are never moved. \
            Review it with plan show and plan diff, then plan commit turns it into assignments, \
            each checked again, or plan discard drops it. A proposal is named by its id, or by \
            --week: the week's newest proposal (for commit and discard, the one waiting).
            """,
        subcommands: [Propose.self, List.self, Show.self, Diff.self, Commit.self, Discard.self, Instance.self]
    )

    static func summary(_ plan: Components.Schemas.Plan) -> Record {
        let m = Messages.current
        let open = plan.shifts.reduce(0) { $0 + max(0, $1.openPlaces - $1.proposed) }
        let places = plan.shifts.reduce(0) { $0 + $1.openPlaces }
        return Record(fields: [
            .init(key: "id", label: m.pick("proposal", "proposition"), value: "\(plan.id)"),
            .init(key: "week", label: m.pick("week", "semaine"), value: "\(plan.week) (\(plan.weekStart))"),
            .init(key: "status", label: m.pick("status", "état"), value: plan.status.rawValue),
            .init(
                key: "proposed",
                label: m.pick("proposed", "proposée"),
                value: "\(plan.proposedAt) \(m.pick("by", "par")) \(plan.proposedBy)"
            ),
            .init(
                key: "decided",
                label: m.pick("decided", "décidée"),
                value: plan.decidedAt.map { "\($0) \(m.pick("by", "par")) \(plan.decidedBy ?? "")" } ?? ""
            ),
            .init(key: "placements", label: m.pick("placements", "affectations"), value: "\(plan.placements.count)"),
            .init(
                key: "coverage",
                label: m.pick("places filled", "places pourvues"),
                value: "\(places - open) / \(places)"
            ),
            .init(
                key: "below_target",
                label: m.pick("below target", "sous la cible"),
                value: "\(plan.people.filter(\.belowTarget).count) / \(plan.people.count)"
            ),
            .init(
                key: "cross_sector",
                label: m.pick("out of sector", "hors secteur"),
                value: "\(plan.placements.filter(\.crossSector).count)"
            ),
            .init(
                key: "refused",
                label: m.pick("refused by the rules", "refusées par les règles"),
                value: "\(plan.refusals.count)"
            ),
            .init(key: "objective", label: m.pick("objective", "objectif"), value: plan.objective),
            .init(
                key: "search",
                label: m.pick("search", "recherche"),
                value: "seed \(plan.seed), work \(plan.work), \(plan.elapsedMs) ms"
                    + (plan.stoppedByDeadline ? m.pick(" (stopped by the clock)", " (arrêtée par l'horloge)") : "")
            ),
        ])
    }

    /// `2026-11-23 09:00-12:00 #12 Tonte (adelard-dugre)`.
    static func shift(_ shift: Components.Schemas.PlanShift) -> String {
        let day = shift.start.prefix(10)
        return
            "\(day) \(shift.start.dropFirst(11))-\(shift.end.dropFirst(11)) #\(shift.id) \(shift.title) (\(shift.site))"
    }

    static func placements(_ placements: [Components.Schemas.PlanPlacement]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "shift", label: m.pick("shift", "quart")),
                .init(key: "participant_id", label: "#"),
                .init(key: "participant", label: m.pick("participant", "participant")),
                .init(key: "cross_sector", label: m.pick("out of sector", "hors secteur")),
            ],
            rows: placements.map {
                [
                    shift($0.shift), "\($0.participantId)", $0.participantName,
                    $0.crossSector ? m.pick("yes", "oui") : "",
                ]
            }
        )
    }
}
