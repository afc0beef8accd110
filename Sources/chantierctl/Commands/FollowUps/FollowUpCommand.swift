import ArgumentParser
import ChantierAPI

/// `chantierctl followup …`: the contacts after an exit that tell what became of people.
struct FollowUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "List the follow-ups due after exits and mark them done with what was learnt.",
        discussion: """
            When an enrollment ends, the daemon schedules follow-ups at the days after the exit its \
            configuration names (followups.offsets_days, default 90, 180 and 365). Overdue ones raise \
            an alert to the coordinators.
            """,
        subcommands: [Due.self, Done.self]
    )

    static func listing(_ followUps: [Components.Schemas.FollowUp]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "id", label: "id"), .init(key: "due_on", label: m.pick("due", "échéance")),
                .init(key: "participant_id", label: "#"),
                .init(key: "participant", label: m.pick("participant", "participant")),
                .init(key: "program", label: m.pick("program", "programme")),
                .init(key: "exit_on", label: m.pick("exit", "sortie")),
                .init(key: "offset_days", label: m.pick("days after", "jours après")),
                .init(key: "status", label: m.pick("status", "état")),
            ],
            rows: followUps.map { followUp in
                [
                    "\(followUp.id)", followUp.dueOn, "\(followUp.participantId)", followUp.participantName,
                    followUp.program, followUp.exitOn, "\(followUp.offsetDays)", status(followUp),
                ]
            }
        )
    }

    /// `overdue`, `due`, or `done 2026-11-20 (outcome 12)`.
    static func status(_ followUp: Components.Schemas.FollowUp) -> String {
        let m = Messages.current
        if let done = followUp.doneOn {
            return m.pick("done", "fait") + " \(done)" + (followUp.outcomeId.map { " (outcome \($0))" } ?? "")
        }
        return followUp.overdue ? m.pick("overdue", "en retard") : m.pick("due", "à faire")
    }
}
