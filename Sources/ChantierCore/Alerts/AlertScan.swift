/// The alerts due at a moment, from the state of the weeks, assignments and papers: a pure
/// function of its inputs, so tests drive it with the clock they choose.
public struct AlertScan: Sendable {
    /// An assignment that holds a place on a shift and has no hours logged.
    public struct UnloggedAssignment: Hashable, Sendable {
        public var assignmentID: Int
        public var shiftID: Int
        public var participantID: Int
        public var participantName: String
        public var siteCode: String
        public var end: LocalDateTime

        public init(
            assignmentID: Int,
            shiftID: Int,
            participantID: Int,
            participantName: String,
            siteCode: String,
            end: LocalDateTime
        ) {
            self.assignmentID = assignmentID
            self.shiftID = shiftID
            self.participantID = participantID
            self.participantName = participantName
            self.siteCode = siteCode
            self.end = end
        }
    }

    /// A consent or a certification that ends on `expires`.
    public struct Expiry: Hashable, Sendable {
        public enum Paper: Hashable, Sendable {
            case consent(id: Int, kind: Consent.Kind)
            case certification(skill: String)
        }

        public var participantID: Int
        public var participantName: String
        public var paper: Paper
        public var expires: LocalDate

        public init(participantID: Int, participantName: String, paper: Paper, expires: LocalDate) {
            self.participantID = participantID
            self.participantName = participantName
            self.paper = paper
            self.expires = expires
        }
    }

    public var deadlines: WeekDeadlines
    /// How long after a shift's end its hours may still come before an alert.
    public var hoursGraceMinutes: Int
    /// How long before a paper expires it is announced.
    public var expiryWarningDays: Int

    public init(
        deadlines: WeekDeadlines = WeekDeadlines(),
        hoursGraceMinutes: Int = 12 * 60,
        expiryWarningDays: Int = 30
    ) {
        self.deadlines = deadlines
        self.hoursGraceMinutes = hoursGraceMinutes
        self.expiryWarningDays = expiryWarningDays
    }

    public func alerts(
        at now: LocalDateTime,
        weeks: [SiteWeek],
        unlogged: [UnloggedAssignment],
        expiries: [Expiry]
    ) -> [AlertDraft] {
        var alerts: [AlertDraft] = []
        for siteWeek in weeks {
            let week = "\(siteWeek.week.first.isoWeek)"
            let submitBy = deadlines.submit.moment(after: siteWeek.week)
            let approveBy = deadlines.approve.moment(after: siteWeek.week)
            switch siteWeek.status {
            case .open where now > submitBy, .reopened where now > submitBy:
                alerts.append(
                    AlertDraft(
                        kind: .missingTimesheet,
                        key: "missing-timesheet:\(siteWeek.siteCode):\(week)",
                        targetRole: .supervisor,
                        message: "the hours of \(siteWeek.siteCode) for \(week) were due by \(submitBy); "
                            + "log what is missing and submit the week with chantierctl week submit",
                        details: ["site": siteWeek.siteCode, "week": week, "due": "\(submitBy)"]
                    )
                )
            case .submitted where now > approveBy:
                alerts.append(
                    AlertDraft(
                        kind: .lateApproval,
                        key: "late-approval:\(siteWeek.siteCode):\(week)",
                        targetRole: .coordinator,
                        message: "the hours of \(siteWeek.siteCode) for \(week) were to be approved by \(approveBy); "
                            + "review and approve them with chantierctl week approve",
                        details: ["site": siteWeek.siteCode, "week": week, "due": "\(approveBy)"]
                    )
                )
            default:
                break
            }
        }
        for assignment in unlogged where assignment.end.adding(minutes: hoursGraceMinutes) < now {
            alerts.append(
                AlertDraft(
                    kind: .missingHours,
                    key: "missing-hours:\(assignment.assignmentID)",
                    targetRole: .supervisor,
                    message: "\(assignment.participantName) has no hours for shift \(assignment.shiftID) at "
                        + "\(assignment.siteCode), which ended \(assignment.end); log them or record a no-show",
                    participantID: assignment.participantID,
                    details: ["shift": "\(assignment.shiftID)", "site": assignment.siteCode]
                )
            )
        }
        let horizon = now.date.adding(days: expiryWarningDays)
        for expiry in expiries where now.date <= expiry.expires && expiry.expires <= horizon {
            switch expiry.paper {
            case .consent(let id, let kind):
                alerts.append(
                    AlertDraft(
                        kind: .consentExpiring,
                        key: "consent-expiring:\(id):\(expiry.expires)",
                        targetRole: .coordinator,
                        message: "\(expiry.participantName)'s consent \(kind.rawValue) expires on \(expiry.expires); "
                            + "record a new one before, or the rules will refuse their work",
                        participantID: expiry.participantID,
                        details: ["consent": "\(id)", "expires": "\(expiry.expires)"]
                    )
                )
            case .certification(let skill):
                alerts.append(
                    AlertDraft(
                        kind: .certificationExpiring,
                        key: "certification-expiring:\(expiry.participantID):\(skill):\(expiry.expires)",
                        targetRole: .coordinator,
                        severity: .info,
                        message: "\(expiry.participantName)'s \(skill) expires on \(expiry.expires); "
                            + "plan the renewal or shifts needing it will be refused",
                        participantID: expiry.participantID,
                        details: ["skill": skill, "expires": "\(expiry.expires)"]
                    )
                )
            }
        }
        return alerts
    }
}
