import ChantierTestSupport
import Foundation
import Testing

@Suite("chantierd check")
struct CheckCommandTests {
    let chantierd = BuiltProducts.path(of: "chantierd")
    static let examples = TestDatabases.repositoryRoot.appending(path: "Tests/Fixtures/check-examples")

    struct Expected: Decodable {
        var allowed: Bool
        var rule: String?
    }

    struct Result: Decodable {
        struct Entry: Decodable {
            var rule: String
            var message: String
            var remediation: String
        }

        var format: String
        var allowed: Bool
        var violations: [Entry]
    }

    static var exampleNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return files.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }.map { String($0.dropLast(5)) }
            .sorted()
    }

    @Test func thereAreExamples() {
        #expect(Self.exampleNames.count >= 10)
    }

    @Test(arguments: exampleNames)
    func everyExampleGetsItsExpectedAnswer(name: String) async throws {
        let output = try await ChildProcess.check(
            chantierd,
            ["check", Self.examples.appending(path: "\(name).json").path]
        )
        let result = try JSONDecoder().decode(Result.self, from: Data(output.utf8))
        let expected = try JSONDecoder().decode(
            Expected.self,
            from: try Data(contentsOf: Self.examples.appending(path: "\(name).expected.json"))
        )
        #expect(result.format == "chantier-check-result/1")
        #expect(result.allowed == expected.allowed)
        #expect(result.violations.map(\.rule) == (expected.rule.map { [$0] } ?? []))
        #expect(result.violations.allSatisfy { !$0.message.isEmpty && !$0.remediation.isEmpty })
    }

    @Test func standardInputAndOptionsWork() async throws {
        // Standard input, then an --option the rule packs do not know.
        let file = Self.examples.appending(path: "QC-AGIR-02.json").path
        let shell = "\(chantierd) check - < \(file)"
        let output = try await ChildProcess.check("/bin/sh", ["-c", shell])
        #expect(output.contains("AGIR-SCHOOLYEAR-WORK-6H"))
        let unknown = try await ChildProcess.run(chantierd, ["check", file, "--option", "qc.nonsense=1"])
        #expect(unknown.status == 65)
        #expect(unknown.output.contains("unknown rule pack option \"qc.nonsense\""))
    }

    @Test func malformedFilesExitWithAClearMessage() async throws {
        let directory = URL(filePath: NSTemporaryDirectory()).appending(path: "chantier-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = [
            ("truncated.json", "{\"format\": \"chantier-check/1\", ", "not valid JSON"),
            ("empty.json", "", "not valid JSON"),
            ("array.json", "[]", "must be an object"),
            (
                "bad-date.json",
                try String(contentsOf: Self.examples.appending(path: "QC-01.json"), encoding: .utf8)
                    .replacingOccurrences(of: "\"2011-12-01\"", with: "\"2011-12-32\""),
                "participant.birth_date: \"2011-12-32\" is not a YYYY-MM-DD date"
            ),
        ]
        for (name, text, message) in cases {
            let file = directory.appending(path: name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try await ChildProcess.run(chantierd, ["check", file.path])
            #expect(result.status == 65, "\(name)")
            #expect(result.output.contains(message), "\(name): \(result.output)")
        }
        let missing = try await ChildProcess.run(chantierd, ["check", directory.appending(path: "nope.json").path])
        #expect(missing.status == 65)
        #expect(missing.output.contains("cannot read"))
    }
}
