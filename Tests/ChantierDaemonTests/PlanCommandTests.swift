import ChantierTestSupport
import Foundation
import Testing

@Suite("chantierd plan")
struct PlanCommandTests {
    let chantierd = BuiltProducts.path(of: "chantierd")
    let fixtures = TestDatabases.repositoryRoot.appending(path: "Tests/Fixtures/planner")

    @Test func aWeekFileGetsAValidSolutionDocument() async throws {
        let instance = fixtures.appending(path: "tiny-summer-s1.json").path
        let solution = FileManager.default.temporaryDirectory.appending(path: "plan-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: solution) }
        let run = try await ChildProcess.run(chantierd, ["plan", instance, "--seconds", "0.2", "--output", solution])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("assignments, objective"))
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(filePath: solution))) as? [String: Any]
        )
        #expect(document["format"] as? String == "chantier-plan-solution/1")
        #expect((document["assignments"] as? [[String: String]])?.isEmpty == false)
        let verdict = try await ChildProcess.run(
            "/usr/bin/python3",
            [fixtures.appending(path: "validate.py").path, instance, solution]
        )
        #expect(verdict.status == 0, "\(verdict.output)")
    }

    @Test func aMalformedWeekExits65NamingTheFieldAndAMissingOne66() async throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "bad-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try #"{"format": "chantier-plan/1", "week_start": "2026-11-24", "participants": [], "shifts": []}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let bad = try await ChildProcess.run(chantierd, ["plan", file.path])
        #expect(bad.status == 65)
        #expect(bad.output.contains("week_start: \"2026-11-24\" is not a Monday"), "\(bad.output)")
        let missing = try await ChildProcess.run(chantierd, ["plan", "/nonexistent/week.json"])
        #expect(missing.status == 66)
    }
}
