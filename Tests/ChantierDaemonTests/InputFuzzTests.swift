import ChantierPQ
import ChantierTestSupport
import Foundation
import Testing

/// Hostile files: valid check requests, planning weeks and CSV imports, mutated — truncated,
/// spliced, numbers made extreme, texts made huge, empty, NUL or SQL, bytes made invalid UTF-8,
/// nesting made deep. Every answer must be a clear refusal (or a correct result when the mutant
/// is still valid), never a crash, and a refused import must import nothing.
@Suite("Malformed and extreme files", .timeLimit(.minutes(6)))
struct InputFuzzTests: ScenarioTests {
    let monday: Date
    let calendar: Calendar
    let chantierd = BuiltProducts.path(of: "chantierd")

    init() {
        (calendar, monday) = Self.monday(daysFromToday: 0)
    }

    @Test func checkRefusesEveryMalformedRequestClearly() async throws {
        let examples = TestDatabases.repositoryRoot.appending(path: "Tests/Fixtures/check-examples")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: examples.path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }.sorted()
        var mutator = Mutator(seed: 1)
        let directory = try TemporaryDirectory("chantier-fuzz-check")
        var refused = 0
        for seed in seeds {
            let original = try Data(contentsOf: examples.appending(path: seed))
            for index in 0..<25 {
                let file = directory.url.appending(path: "\(seed)-\(index)")
                let (mutant, how) = mutator.mutate(original)
                try mutant.write(to: file)
                let result = try await ChildProcess.run(chantierd, ["check", file.path])
                try expectClearAnswer(result, allowed: [0, 65], what: "check \(seed) \(how)")
                if result.status == 0 {
                    #expect(result.output.contains("\"chantier-check-result/1\""), "\(seed) \(how): \(result.output)")
                } else {
                    refused += 1
                }
            }
        }
        #expect(refused > seeds.count * 10, "most mutants are refused")
    }

    @Test func planRefusesEveryMalformedWeekClearly() async throws {
        let instance = TestDatabases.repositoryRoot.appending(path: "Tests/Fixtures/planner/tiny-school-s1.json")
        let original = try Data(contentsOf: instance)
        var mutator = Mutator(seed: 2)
        let directory = try TemporaryDirectory("chantier-fuzz-plan")
        var refused = 0
        for index in 0..<60 {
            let file = directory.url.appending(path: "week-\(index).json")
            let (mutant, how) = mutator.mutate(original)
            try mutant.write(to: file)
            let output = directory.url.appending(path: "solution-\(index).json").path
            let result = try await ChildProcess.run(
                chantierd,
                ["plan", file.path, "--seconds", "0.2", "--output", output]
            )
            try expectClearAnswer(result, allowed: [0, 65], what: "plan \(how)")
            if result.status == 0 {
                #expect(FileManager.default.fileExists(atPath: output), "plan \(how)")
            } else {
                refused += 1
                #expect(!FileManager.default.fileExists(atPath: output), "a refused week writes no solution")
            }
        }
        #expect(refused > 30, "most mutants are refused")
    }

    @Test func csvImportsRefuseMalformedFilesAndImportNothing() async throws {
        let s = try await session()
        try await registry(s)
        let seeds: [(path: String, table: String, text: String)] = [
            (
                "/v1/participant-imports", "participants",
                """
                given_name,family_name,birth_date,sex,sector,email,skills,availability,social_housing
                Léa,Tremblay,2010-05-04,female,nord,lea@example.org,peinture;permis-classe-5:2027-02-28,mon 16:00-19:00,oui
                Martin,"Pelletier, fils",1978-06-03,male,,,,"sat 09:00-12:00",yes

                """
            ),
            (
                "/v1/site-imports", "sites",
                "code,name,sector,client,address,notes\nrue,Rue,nord,ville,\"12, rue du Parc\",\ncour,Cour,nord,,,note\n"
            ),
        ]
        var mutator = Mutator(seed: 3)
        var refused = 0
        for seed in seeds {
            for index in 0..<50 {
                let (mutant, how) = mutator.mutate(Data(seed.text.utf8))
                let file = try s.file("import-\(seed.table)-\(index).csv", "")
                try mutant.write(to: URL(filePath: file))
                let before = try await rows(of: seed.table, in: s)
                let (status, body) = try await s.daemon.curl(
                    ["-X", "POST", "-H", "Content-Type: text/csv", "--data-binary", "@\(file)"],
                    path: seed.path
                )
                #expect([200, 400, 413, 415, 422].contains(status), "\(seed.table) \(how): \(status) \(body)")
                #expect(body.contains("\"kind\"") || status == 200, "\(seed.table) \(how): \(body)")
                if status != 200 {
                    refused += 1
                    #expect(try await rows(of: seed.table, in: s) == before, "\(seed.table) \(how) imported rows")
                }
            }
        }
        #expect(refused > 40)
        #expect(!s.daemon.process.output.contains("request failed"), "\(s.daemon.process.output)")
        await s.daemon.stop()
    }

    private func rows(of table: String, in s: ScenarioSession) async throws -> Int {
        try await s.database.withPool { pool in
            try await pool.query(table == "sites" ? "SELECT count(*) FROM sites" : "SELECT count(*) FROM participants")
                .value(Int.self)
        }
    }

    /// A refusal is an exit status the command documents, with a message, and no crash.
    private func expectClearAnswer(_ result: ChildProcess.Result, allowed: [Int32], what: String) throws {
        #expect(allowed.contains(result.status), "\(what): exit \(result.status)\n\(result.output.prefix(2000))")
        for crash in ["Fatal error", "Illegal instruction", "Segmentation fault", "Swift runtime failure"] {
            #expect(!result.output.contains(crash), "\(what): \(result.output.prefix(2000))")
        }
        if result.status != 0 {
            // One short line that names the file and what is wrong, whatever the file holds.
            #expect(result.output.hasPrefix("chantierd "), "\(what): says why\n\(result.output.prefix(2000))")
            #expect(
                result.output.count < 1000,
                "\(what): \(result.output.count) characters\n\(result.output.prefix(2000))"
            )
        }
    }
}

/// Deterministic mutations of a file's bytes (SplitMix64), each with a description for the
/// failure message.
struct Mutator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
    }

    static let numbers = ["-1", "0", "99999999999999999999999", "1e308", "-2147483649", "NaN", "3.5", "-0", "1e-400"]
    static let texts = [
        "", String(repeating: "x", count: 70_000), "\\u0000", "\u{0}", "e\u{301}", "🙂", "\\\"", "2026-02-30",
        "24:00", "'; DROP TABLE participants; --", "\r\n", ",,,", "null",
    ]

    mutating func mutate(_ data: Data) -> (Data, String) {
        var bytes = [UInt8](data)
        let at = next(bytes.count + 1)
        switch next(9) {
        case 0:
            return (Data(bytes.prefix(at)), "truncated at \(at)")
        case 1:
            let length = next(64) + 1
            bytes.removeSubrange(at..<min(bytes.count, at + length))
            return (Data(bytes), "\(length) bytes cut at \(at)")
        case 2:
            let length = next(200) + 1
            let span = Array(bytes[at..<min(bytes.count, at + length)])
            bytes.insert(contentsOf: span, at: at)
            return (Data(bytes), "\(span.count) bytes doubled at \(at)")
        case 3:
            let number = Self.numbers[next(Self.numbers.count)]
            return (replacing(bytes, where: { (48...57).contains($0) }, with: number, from: at), "a number → \(number)")
        case 4:
            let text = Self.texts[next(Self.texts.count)]
            return (
                replacing(bytes, where: { $0 >= 97 && $0 <= 122 }, with: text, from: at), "a word → \(text.prefix(20))"
            )
        case 5:
            let invalid: [UInt8] = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x00], [0xFE, 0xFF]][next(5)]
            bytes.insert(contentsOf: invalid, at: at)
            return (Data(bytes), "bytes \(invalid) at \(at)")
        case 6:
            let depth = 10_000
            bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: depth), at: at)
            return (Data(bytes), "\(depth) brackets at \(at)")
        case 7:
            for _ in 0..<8 where !bytes.isEmpty { bytes[next(bytes.count)] = UInt8(next(95) + 32) }
            return (Data(bytes), "8 random characters")
        default:
            return (Data(), "empty")
        }
    }

    /// Replaces the run of bytes matching `matches` that starts at or after `from` with `text`.
    private func replacing(_ bytes: [UInt8], where matches: (UInt8) -> Bool, with text: String, from: Int) -> Data {
        guard
            let start = bytes[min(from, bytes.count)...].firstIndex(where: matches) ?? bytes.firstIndex(where: matches)
        else { return Data(bytes) }
        let end = bytes[start...].firstIndex { !matches($0) } ?? bytes.count
        var result = bytes
        result.replaceSubrange(start..<end, with: Array(text.utf8))
        return Data(result)
    }
}
