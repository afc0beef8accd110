/// Why a program policy cannot be loaded.
public struct PolicyError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension ProgramPolicy {
    /// Checks that the policy is coherent and never looser than the law of `rulePack` for the
    /// people it serves: a program may limit youth to 6 h a week, not allow them 20 h where the
    /// law allows 17 h.
    public func validate(against rulePack: RulePackID) throws(PolicyError) {
        guard !id.isEmpty else { throw PolicyError(message: "a program policy needs an id") }
        let ids = caps.map(\.rule) + targets.map(\.rule) + activities.map(\.rule)
        if let legal = ids.first(where: { id in ["QC-", "US-FLSA-", "FR-"].contains { id.rawValue.hasPrefix($0) } }) {
            throw PolicyError(message: "policy \(id): \(legal) is a legal rule id; give the program's rule its own id")
        }
        if let repeated = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
            throw PolicyError(message: "policy \(id): the rule id \(repeated) is used twice")
        }
        for cap in caps {
            guard cap.workMinutesPerWeek != nil || cap.workMinutesPerDay != nil else {
                throw PolicyError(
                    message: "policy \(id): cap \(cap.rule) sets neither work_minutes_per_week nor work_minutes_per_day"
                )
            }
            if let minutes = [cap.workMinutesPerWeek, cap.workMinutesPerDay].compactMap(\.self).first(where: { $0 < 0 })
            {
                throw PolicyError(message: "policy \(id): cap \(cap.rule) has a negative limit (\(minutes))")
            }
            if audience != .adult { try checkNotLooserThanLaw(cap, rulePack: rulePack) }
        }
        for target in targets {
            if target.workMinutesPerWeek < 0 {
                throw PolicyError(message: "policy \(id): target \(target.rule) is negative")
            }
            let binding = caps.filter { $0.season == target.season || $0.season == .any || target.season == .any }
                .compactMap(\.workMinutesPerWeek).min()
            if let binding, target.workMinutesPerWeek > binding {
                throw PolicyError(
                    message:
                        "policy \(id): target \(target.rule) (\(MinutesText.format(target.workMinutesPerWeek)) a week) "
                        + "is above the program's own cap of \(MinutesText.format(binding))"
                )
            }
        }
        do {
            _ = try RulePackOptions(named: rulePackOptions)
        } catch {
            throw PolicyError(message: "policy \(id): \(error.message)")
        }
    }

    private func checkNotLooserThanLaw(_ cap: Cap, rulePack: RulePackID) throws(PolicyError) {
        let seasons: [Season] =
            cap.season == .any ? [.schoolYear, .summer] : [cap.season == .summer ? .summer : .schoolYear]
        for season in seasons {
            if let weekly = cap.workMinutesPerWeek, let law = Self.legalWeeklyCapForMinors(rulePack, season),
                weekly > law.minutes
            {
                throw PolicyError(
                    message:
                        "policy \(id): cap \(cap.rule) allows \(MinutesText.format(weekly)) a week in the \(season.rawValue), "
                        + "more than the \(MinutesText.format(law.minutes)) of \(law.rule) in the \(rulePack.rawValue) rule pack; "
                        + "a program may be stricter than the law, never looser"
                )
            }
            if let daily = cap.workMinutesPerDay, let law = Self.legalDailyCapForMinors(rulePack), daily > law.minutes {
                throw PolicyError(
                    message: "policy \(id): cap \(cap.rule) allows \(MinutesText.format(daily)) a day, more than the "
                        + "\(MinutesText.format(law.minutes)) of \(law.rule) in the \(rulePack.rawValue) rule pack; "
                        + "a program may be stricter than the law, never looser"
                )
            }
        }
    }

    /// The most a minor may work in a week of `season` under the pack, where the law sets a figure.
    static func legalWeeklyCapForMinors(_ pack: RulePackID, _ season: Season) -> (rule: RuleID, minutes: Int)? {
        switch (pack, season) {
        case (.quebec, .schoolYear): (.qcWeek17h, QuebecPack.weekLimit)
        case (.quebec, .summer): nil
        case (.flsa, .schoolYear): (.usSchoolWeek18h, FLSAPack.schoolWeekLimit)
        case (.flsa, .summer): (.usNonSchoolWeek40h, FLSAPack.nonSchoolWeekLimit)
        case (.france, _): (.frWeek35h, FrancePack.weekLimit)
        }
    }

    /// The most a minor may work in a day under the pack, where the law sets a figure.
    static func legalDailyCapForMinors(_ pack: RulePackID) -> (rule: RuleID, minutes: Int)? {
        switch pack {
        case .quebec: nil
        case .flsa: (.usNonSchoolDay8h, FLSAPack.nonSchoolDayLimit)
        case .france: (.frDaily8h, FrancePack.dayLimit)
        }
    }
}
