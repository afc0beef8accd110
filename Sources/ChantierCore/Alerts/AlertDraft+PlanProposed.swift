extension AlertDraft {
    /// The daemon proposed a week's plan: the coordinators review and commit it, once per proposal.
    public static func planProposed(_ record: PlanRecord) -> AlertDraft {
        let week = record.monday.isoWeek
        let open = record.shifts.reduce(0) { $0 + max(0, $1.openPlaces - $1.proposed) }
        let below = record.people.filter(\.belowTarget).count
        return AlertDraft(
            kind: .planProposed,
            key: "plan-proposed:\(record.id)",
            targetRole: .coordinator,
            severity: .info,
            message:
                "the plan of \(week) is proposed (proposal \(record.id)): \(record.placements.count) placements, "
                + "\(open) places still open, \(below) participants below target; review it with chantierctl plan "
                + "show \(record.id), then commit or discard it",
            details: ["proposal": "\(record.id)", "week": week]
        )
    }
}
