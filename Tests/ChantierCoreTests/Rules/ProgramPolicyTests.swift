import Testing

@testable import ChantierCore

@Suite("Program policies layered on the law")
struct ProgramPolicyTests {
    static let agirEnsemble = ProgramPolicy(
        id: "agir-ensemble",
        audience: .youth,
        caps: [
            .init(rule: RuleID("AGIR-SCHOOLYEAR-WORK-6H"), season: .schoolYear, workMinutesPerWeek: 360),
            .init(rule: RuleID("AGIR-SUMMER-WORK-20H"), season: .summer, workMinutesPerWeek: 1200),
        ],
        targets: [.init(rule: RuleID("AGIR-SCHOOLYEAR-WORK-MIN-3H"), season: .schoolYear, workMinutesPerWeek: 180)],
        activities: [
            .init(
                rule: RuleID("AGIR-SCHOOLYEAR-SESSION-1H"),
                kind: .awarenessSession,
                minutesPerWeek: 60,
                season: .schoolYear
            )
        ]
    )

    func check(
        born: String = "2012-04-10",
        policy: ProgramPolicy = agirEnsemble,
        existing: [String] = [],
        sessions: [String] = [],
        proposed: String
    ) -> ComplianceResult {
        Fixtures.check(.quebec, born: born, policy: policy, existing: existing, sessions: sessions, proposed: proposed)
    }

    @Test func theSchoolYearCapCountsWorkButNotTheAwarenessSession() {
        let existing = ["2026-11-09 16:00-18:00", "2026-11-11 16:00-18:00"]
        let session = ["2026-11-12 16:00-17:00"]
        #expect(check(existing: existing, sessions: session, proposed: "2026-11-14 09:00-11:00").allowed)
        let over = check(existing: existing, sessions: session, proposed: "2026-11-14 09:00-11:01")
        #expect(over.rules == ["AGIR-SCHOOLYEAR-WORK-6H"])
        #expect(over.violations[0].message.contains("6 h 01 min"))
        // Without the session the same work is still over: the session never counted.
        #expect(check(existing: existing, proposed: "2026-11-14 09:00-11:01").rules == ["AGIR-SCHOOLYEAR-WORK-6H"])
    }

    @Test func theSummerCapReplacesTheLegalLimitsInSummer() {
        // 15 in July 2027 and subject: no legal weekly cap in summer, the program's 20 h binds.
        let born = "2011-09-01"
        let week = (12...15).map { Fixtures.on("2027-07", $0, "08:00-12:00") }
        #expect(check(born: born, existing: week, proposed: "2027-07-16 08:00-12:00").allowed)
        #expect(
            check(born: born, existing: week + ["2027-07-16 08:00-12:00"], proposed: "2027-07-17 09:00-09:01").rules
                == ["AGIR-SUMMER-WORK-20H"]
        )
    }

    @Test func aWeekStraddlingTheEndOfSchoolIsASchoolYearWeekUnlessCountedByDate() {
        // Sun 20 – Sat 26 June 2027: classes until Wednesday the 23rd.
        let existing = ["2027-06-21 16:00-18:00", "2027-06-22 16:00-18:00"]
        #expect(check(existing: existing, proposed: "2027-06-25 09:00-12:00").rules == ["AGIR-SCHOOLYEAR-WORK-6H"])
        var byDate = Self.agirEnsemble
        byDate.seasonOfWeek = .byDate
        #expect(check(policy: byDate, existing: existing, proposed: "2027-06-25 09:00-12:00").allowed)
    }

    @Test func legalAndProgramViolationsAreBothReported() {
        let existing = (9...12).map { Fixtures.on("2026-11", $0, "16:00-18:30") }
        let result = check(existing: existing, proposed: "2026-11-13 16:00-16:01")
        #expect(result.rules == ["QC-WEEKDAY-10H", "AGIR-SCHOOLYEAR-WORK-6H"])
    }

    // MARK: Loading

    @Test func theShippedKindOfPolicyIsValid() throws {
        try Self.agirEnsemble.validate(against: .quebec)
        let adults = ProgramPolicy(
            id: "multiboulot",
            audience: .adult,
            caps: [.init(rule: RuleID("MULTIBOULOT-WEEK-25H"), season: .any, workMinutesPerWeek: 1500)]
        )
        try adults.validate(against: .quebec)
    }

    @Test func aPolicyLooserThanTheLawIsRefused() {
        let looser = ProgramPolicy(
            id: "too-much",
            audience: .youth,
            caps: [.init(rule: RuleID("TOO-MUCH-20H"), season: .schoolYear, workMinutesPerWeek: 1200)]
        )
        let error = #expect(throws: PolicyError.self) { try looser.validate(against: .quebec) }
        #expect(error?.message.contains("QC-WEEK-17H") == true)
        #expect(error?.message.contains("never looser") == true)
        // A 45 h summer cap is lawful in Québec (no weekly cap in summer) but looser than the FLSA's 40 h.
        let summer = ProgramPolicy(
            id: "summer",
            audience: .youth,
            caps: [.init(rule: RuleID("SUMMER-45H"), season: .summer, workMinutesPerWeek: 2700)]
        )
        #expect(throws: Never.self) { try summer.validate(against: .quebec) }
        #expect(throws: PolicyError.self) { try summer.validate(against: .flsa) }
        let longDays = ProgramPolicy(
            id: "long-days",
            audience: .youth,
            caps: [.init(rule: RuleID("LONG-DAY"), season: .any, workMinutesPerDay: 540)]
        )
        #expect(throws: PolicyError.self) { try longDays.validate(against: .france) }
    }

    @Test func incoherentPoliciesAreRefused() {
        var policy = Self.agirEnsemble
        policy.targets = [.init(rule: RuleID("AGIR-TARGET-7H"), season: .schoolYear, workMinutesPerWeek: 420)]
        #expect(throws: PolicyError.self) { try policy.validate(against: .quebec) }
        policy = Self.agirEnsemble
        policy.caps.append(.init(rule: RuleID("QC-WEEK-17H"), season: .schoolYear, workMinutesPerWeek: 300))
        #expect(throws: PolicyError.self) { try policy.validate(against: .quebec) }
        policy = Self.agirEnsemble
        policy.caps.append(policy.caps[0])
        #expect(throws: PolicyError.self) { try policy.validate(against: .quebec) }
        policy = Self.agirEnsemble
        policy.rulePackOptions = ["qc.transition-weeks": "monthly"]
        #expect(throws: PolicyError.self) { try policy.validate(against: .quebec) }
    }
}

@Suite("Rule pack options by name")
struct RulePackOptionsTests {
    @Test func namedOptionsSetTheirReadings() throws {
        let options = try RulePackOptions(named: [
            "qc.transition-weeks": "week-based", "fr.weekly-rest": "across-weeks",
        ])
        #expect(options.quebecTransitionWeeks == .weekBased)
        #expect(options.franceWeeklyRest == .acrossWeeks)
        #expect(options.quebecWeekWindow == .calendarWeek)
        #expect(try RulePackOptions(named: options.named) == options)
    }

    @Test func unknownNamesAndValuesAreRefusedWithTheChoices() {
        let name = #expect(throws: RulePackOptionError.self) {
            try RulePackOptions(named: ["qc.transition-week": "week-based"])
        }
        #expect(name?.message.contains("qc.transition-weeks") == true)
        let value = #expect(throws: RulePackOptionError.self) { try RulePackOptions(named: ["us.wecep": "yes"]) }
        #expect(value?.message == "option \"us.wecep\" takes \"false\" or \"true\", not \"yes\"")
    }
}
