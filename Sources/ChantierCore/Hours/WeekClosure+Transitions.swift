extension WeekClosure {
    /// What someone asks of a site's week.
    public enum Action: Hashable, Sendable {
        case submit
        /// `acknowledgement` is required when entries of the week are flagged.
        case approve(acknowledgement: String?)
        case reopen
    }

    /// Why the week cannot take `action` in its present state, said so that the person knows
    /// what to do; `nil` when it can.
    public func refusal(of action: Action) -> String? {
        let name = "\(siteCode)'s week \(week.first.isoWeek)"
        switch action {
        case .submit:
            return status == .approved ? "\(name) is approved already" : nil
        case .approve(let acknowledgement):
            switch status {
            case .approved: return "\(name) is approved already"
            case .open, .reopened: return "\(name) is not submitted; a supervisor submits it first"
            case .submitted: break
            }
            guard flaggedEntries > 0, acknowledgement?.trimmed.isEmpty ?? true else { return nil }
            return "\(flaggedEntries) entr\(flaggedEntries == 1 ? "y" : "ies") of the week broke rules "
                + "(chantierctl hours list --flagged shows them); approve with --acknowledge \"why\" to say "
                + "they were seen"
        case .reopen:
            return status == .submitted || status == .approved ? nil : "\(name) is open already"
        }
    }
}
