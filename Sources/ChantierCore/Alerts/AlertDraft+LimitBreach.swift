extension AlertDraft {
    /// Logged hours broke rules: the coordinators are told, once per entry.
    public static func limitBreach(
        entryID: Int,
        participantID: Int,
        participantName: String,
        date: LocalDate,
        violations: [Violation]
    ) -> AlertDraft {
        let rules = violations.map(\.rule.rawValue)
        return AlertDraft(
            kind: .limitBreach,
            key: "limit-breach:\(entryID)",
            targetRole: .coordinator,
            severity: .critical,
            message:
                "\(participantName)'s hours of \(date) at entry \(entryID) break \(rules.joined(separator: ", ")): "
                + violations.map(\.message).joined(separator: "; "),
            participantID: participantID,
            details: ["entry": "\(entryID)", "rules": rules.joined(separator: ",")]
        )
    }
}
