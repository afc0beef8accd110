import ChantierTestSupport
import Foundation
import Testing

/// A participant's personal data through `chantierctl` and a real daemon: exported on request,
/// anonymised by the leader at the end of the retention period, and never in the daemon's log.
@Suite("Personal data through chantierctl", .timeLimit(.minutes(3)))
struct PersonalDataScenarioTests: ScenarioTests {
    let monday: Date
    let calendar: Calendar
    static let personal = [
        "Lachapelle", "Zoé", "zoe.lachapelle@example.org", "514-555-0199", "rue Secrète", "Gaspésie",
    ]

    init() {
        (calendar, monday) = Self.monday(daysFromToday: 0)
    }

    @Test func exportedOnRequestAnonymisedAfterRetentionAndNeverLogged() async throws {
        let s = try await session()
        try await registry(s)
        let id = try await participant(s, "Zoé", "Lachapelle", born: "1980-02-11", school: false)
        try await s.json([
            "participant", "update", "\(id)", "--email", "zoe.lachapelle@example.org", "--phone", "514-555-0199",
            "--address", "4321 rue Secrète", "--notes", "rappeler le soir",
        ])
        try await s.json(["enroll", "\(id)", "multiboulot", "--on", day(-3000)])
        try await s.json([
            "exit", "\(id)", "multiboulot", "--on", day(-2800), "--reason", "moved", "--note", "Gaspésie",
        ])
        let stays = try await participant(s, "Martin", "Pelletier", born: "1978-06-03", school: false)
        try await s.json(["enroll", "\(stays)", "multiboulot", "--on", day(-30)])

        // The export (asked before the archiving, which the leader may act on at once): every
        // row about them, in a file only its owner reads.
        let path = s.directory.appending(path: "zoe.json").path
        let exported = try await s.ctl(["participant", "export-personal-data", "\(id)", "--output", path])
        #expect(exported.status == 0, "\(exported.output)")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(filePath: path))) as? [String: Any]
        )
        let records = try #require(document["records"] as? [String: [[String: Any]]])
        #expect(records["participants"]?.first?["email"] as? String == "zoe.lachapelle@example.org")
        #expect(records["enrollments"]?.first?["exit_note"] as? String == "Gaspésie")
        #expect(records["audit_log"]?.contains { $0["operation"] as? String == "updateParticipant" } == true)
        #expect(try await s.ctl(["participant", "export-personal-data", "424242"]).status == 66)

        // Archived, seven years after their exit: due for anonymisation.
        try await s.json(["participant", "archive", "\(id)"])

        // The leader applies the retention period (the jobs run when a daemon starts leading).
        await s.daemon.stop()
        let daemon = try await TestDaemon.start(conninfo: s.database.conninfo)
        try await daemon.waitUntilReady()
        let restarted = ScenarioSession(daemon: daemon, database: s.database, directory: daemon.directory)
        var shown: [String: Any] = [:]
        for _ in 0..<100 where shown["given_name"] as? String != "anonymised" {
            shown = try await restarted.json(["participant", "show", "\(id)"])
            if shown["given_name"] as? String != "anonymised" { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(shown["given_name"] as? String == "anonymised")
        #expect(shown["family_name"] as? String == "#\(id)")
        #expect(shown["email"] == nil && shown["phone"] == nil && shown["notes"] == nil)
        #expect(shown["birth_date"] as? String == "1980-02-11", "what the statistics read stays")
        let still = try await restarted.json(["participant", "show", "\(stays)"])
        #expect(still["family_name"] as? String == "Pelletier", "a participant in a program keeps their data")
        let after = try await restarted.ctl(["--json", "participant", "export-personal-data", "\(id)"])
        #expect(after.status == 0 && Self.personal.allSatisfy { !after.output.contains($0) }, "\(after.output)")
        let change = try await restarted.ctl(["participant", "update", "\(id)", "--notes", "back"])
        #expect(change.status == 67 && change.output.contains("anonymised"), "\(change.output)")
        await daemon.stop()

        // Nothing personal in either daemon's log at the info level.
        for log in [s.daemon.process.output, daemon.process.output] {
            #expect(log.contains("ready"), "the log was read")
            #expect(!log.contains("cannot apply the retention period"), "\(log)")
            for text in Self.personal { #expect(!log.contains(text), "\(text) in the log:\n\(log)") }
        }
    }
}
