import ChantierTestSupport
import Foundation
import Testing

@Suite("chantierctl without a daemon")
struct ChantierctlTests {
    let chantierctl = BuiltProducts.path(of: "chantierctl")

    private func run(_ arguments: [String], language: String = "C.UTF-8") async throws -> ChildProcess.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["CHANTIER_SOCKET"] = nil
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = language
        return try await ChildProcess.run(chantierctl, arguments, environment: environment)
    }

    @Test func anAbsentDaemonIsUnavailableAndTheMessageSaysWhereAndHowToStartIt() async throws {
        let socket = NSTemporaryDirectory() + "chantier-absent-\(UUID().uuidString).sock"
        let english = try await run(["status", "--socket", socket])
        #expect(english.status == 69)
        #expect(english.output.contains("chantierd does not answer on \(socket) (no such socket)"))
        #expect(english.output.contains("systemctl start chantierd"))
        #expect(english.output.split(separator: "\n").count == 1, "one line: \(english.output)")
        let french = try await run(["--socket", socket, "whoami"], language: "fr_CA.UTF-8")
        #expect(french.status == 69)
        #expect(french.output.contains("chantierd ne répond pas sur \(socket) (ce socket n’existe pas)"))
    }

    @Test func aSocketNobodyListensOnOrMayOpenSaysWhy() async throws {
        let path = NSTemporaryDirectory() + "chantier-dead-\(UUID().uuidString).sock"
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)
        close(descriptor)
        defer { unlink(path) }
        let result = try await run(["status", "--socket", path])
        #expect(result.status == 69)
        #expect(result.output.contains("(nothing listens there)"))
        if geteuid() == 0 {
            chmod(path, 0o600)
            let refused = try await ChildProcess.run(
                "/usr/sbin/runuser",
                ["-u", "nobody", "--", "/usr/bin/env", "LANG=C.UTF-8", chantierctl, "status", "--socket", path]
            )
            #expect(refused.status == 69)
            #expect(refused.output.contains("permission denied: ask an administrator to add you to the group chantier"))
        }
    }

    @Test(arguments: [["status", "--json", "--csv"], ["frobnicate"], ["status", "--colour"]])
    func aUsageErrorExits64(arguments: [String]) async throws {
        let result = try await run(arguments)
        #expect(result.status == 64, "\(result.output)")
    }

    /// The help people read is reviewed like code: `CHANTIER_UPDATE_GOLDEN=1 swift test --filter
    /// helpTexts` rewrites `Tests/Fixtures/help/` after a deliberate change.
    @Test(arguments: [
        ["--help"], ["assign", "--help"], ["participant", "add", "--help"], ["order", "add", "--help"],
        ["hours", "log", "--help"],
    ])
    func helpTexts(arguments: [String]) async throws {
        let result = try await run(arguments)
        #expect(result.status == 0)
        let golden = TestDatabases.repositoryRoot.appending(
            path: "Tests/Fixtures/help/"
                + arguments.filter { $0 != "--help" }.joined(separator: "-").ifEmpty("chantierctl") + ".txt"
        )
        if ProcessInfo.processInfo.environment["CHANTIER_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try result.output.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(result.output == (try String(contentsOf: golden, encoding: .utf8)), "\(golden.path) differs")
    }

    @Test func completionScriptsAndTheManualComeFromTheParser() async throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try await run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.output.contains("whoami"), "\(shell) completion offers the subcommands")
        }
        let help = try await run(["help", "status"])
        #expect(help.output.contains("--socket"))
    }
}

extension String {
    fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
