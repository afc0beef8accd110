import ChantierTestSupport
import Foundation
import Testing

@Suite("The systemd units", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
struct SystemdUnitTests {
    /// The units with ExecStart pointing at the built binary (verify needs it to exist).
    private func units() throws -> URL {
        let directory = URL(filePath: NSTemporaryDirectory()).appending(
            path: "chantier-units-\(UUID().uuidString.prefix(8))"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = TestDatabases.repositoryRoot.appending(path: "systemd")
        let service = try String(contentsOf: source.appending(path: "chantierd.service"), encoding: .utf8)
            .replacingOccurrences(of: "/usr/bin/chantierd", with: BuiltProducts.path(of: "chantierd"))
        try service.write(to: directory.appending(path: "chantierd.service"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: source.appending(path: "chantierd.socket"),
            to: directory.appending(path: "chantierd.socket")
        )
        return directory
    }

    @Test func verifyIsClean() async throws {
        let directory = try units()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The man page is installed by `make install`, not present here.
        let result = try await ChildProcess.run(
            "/usr/bin/systemd-analyze",
            [
                "verify", "--man=no", directory.appending(path: "chantierd.service").path,
                directory.appending(path: "chantierd.socket").path,
            ]
        )
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(result.output)")
    }

    @Test func theServiceIsRatedOKOrBetter() async throws {
        let directory = try units()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await ChildProcess.run(
            "/usr/bin/systemd-analyze",
            ["security", "--offline=true", directory.appending(path: "chantierd.service").path]
        )
        let line = try #require(result.output.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 2.0, "\(line)")
    }

    @Test func sysusersCreatesTheUserAndTheRoleGroups() throws {
        let text = try String(
            contentsOf: TestDatabases.repositoryRoot.appending(path: "systemd/sysusers.d/chantier.conf"),
            encoding: .utf8
        )
        let entries = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: " ").prefix(2).joined(separator: " ")
        }
        #expect(
            entries == [
                "u chantier", "g chantier-admin", "g chantier-coordinators", "g chantier-supervisors",
                "g chantier-managers",
            ]
        )
    }
}
