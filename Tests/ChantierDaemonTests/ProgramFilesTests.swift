import ChantierCore
import ChantierTestSupport
import Foundation
import Testing

@testable import ChantierDaemon

@Suite("Program files in Config/programs")
struct ProgramFilesTests {
    let temporary: TemporaryDirectory
    var directory: URL { temporary.url }

    init() throws {
        temporary = try TemporaryDirectory("chantier-programs")
    }

    @Test func theShippedProgramsLoad() throws {
        let programs = try ProgramFiles.loadAll(in: TestDatabases.repositoryRoot.appending(path: "Config/programs"))
        #expect(programs.map(\.code) == ["agir-ensemble", "multiboulot"])
        let agir = try #require(programs.first)
        #expect(agir.audience == .youth && agir.rulePack == .quebec)
        #expect(agir.policy.caps.map(\.workMinutesPerWeek) == [360, 1200])
        #expect(agir.policy.target(for: .schoolYear)?.workMinutesPerWeek == 180)
        #expect(agir.policy.activities.first?.kind == .awarenessSession)
        #expect(agir.effectiveFrom == LocalDate(iso: "2026-01-01"))
        let multiboulot = try #require(programs.last)
        #expect(multiboulot.audience == .adult && multiboulot.minimumAge == 18 && multiboulot.maximumAge == nil)
    }

    @Test func aPolicyLooserThanTheLawIsRefusedWhenLoaded() throws {
        let file = directory.appending(path: "generous.yaml")
        try """
        code: generous
        name: Too generous
        audience: youth
        rule_pack: QC
        effective_from: 2026-09-01
        policy:
          caps:
            - {rule: GENEROUS-SCHOOLYEAR-20H, season: school-year, work_minutes_per_week: 1200}
        """.write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: DaemonError.self) { try ProgramFiles.load(file) }
        #expect(
            error?.message.hasPrefix("generous.yaml: policy: policy generous: cap GENEROUS-SCHOOLYEAR-20H allows 20 h")
                == true
        )
        #expect(error?.message.contains("QC-WEEK-17H") == true)
    }

    @Test func mistakesNameTheFileAndTheKey() throws {
        let cases = [
            (
                "typo.yaml",
                "code: x\nname: X\naudience: youth\neffective_from: 2026-01-01\npolicy: {}\nrule_pak: QC\n",
                "typo.yaml: rule_pak: is not a field"
            ),
            (
                "code.yaml", "code: Agir Ensemble\nname: X\naudience: youth\neffective_from: 2026-01-01\npolicy: {}\n",
                "code.yaml: code:"
            ),
            (
                "ages.yaml",
                "code: x\nname: X\naudience: youth\nages: {min: 17, max: 13}\neffective_from: 2026-01-01\npolicy: {}\n",
                "ages.yaml: ages: min (17) is above max (13)"
            ),
            (
                "date.yaml", "code: x\nname: X\naudience: youth\neffective_from: 2026-13-01\npolicy: {}\n",
                "date.yaml: effective_from:"
            ),
            ("broken.yaml", "code: [unclosed\n", "broken.yaml is not valid YAML"),
        ]
        for (name, text, message) in cases {
            let file = directory.appending(path: name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            let error = #expect(throws: DaemonError.self) { try ProgramFiles.load(file) }
            #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "no error")")
        }
    }
}
