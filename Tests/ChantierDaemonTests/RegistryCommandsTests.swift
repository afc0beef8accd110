import ChantierPQ
import ChantierTestSupport
import Foundation
import Testing

/// The registry commands of chantierctl that the coordinator scenario does not go through.
@Suite("Registry commands of chantierctl", .timeLimit(.minutes(3)))
struct RegistryCommandsTests {
    func start() async throws -> (TestDaemon, TestDatabase) {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        for command in [
            ["sector", "add", "nord", "--name", "Nord"], ["sector", "add", "sud", "--name", "Sud"],
            ["client", "add", "omh", "--name", "Office", "--kind", "housing_office"],
            ["task", "add", "hand-cleanup", "--name", "Nettoyage"],
        ] {
            let result = try await daemon.chantierctl(command)
            try #require(result.status == 0, "\(command): \(result.output)")
        }
        return (daemon, database)
    }

    func file(_ daemon: TestDaemon, _ name: String, _ text: String) throws -> String {
        let path = daemon.directory.appending(path: name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func sitesImportUpdateExportAndArchive() async throws {
        let (daemon, _) = try await start()
        let csv = try file(
            daemon,
            "sites.csv",
            "code,name,sector,client,address\nparc,Parc,nord,omh,\"12, rue du Parc\"\ncour,Cour,sud,,\n"
        )
        let first = try await daemon.chantierctl(["--json", "site", "import", csv])
        #expect(first.output.contains("\"added\" : 2"), "\(first.output)")
        let again = try await daemon.chantierctl(["--json", "site", "import", csv])
        #expect(
            again.output.contains("\"updated\" : 2"),
            "importing the same file updates, adds nothing: \(again.output)"
        )
        let exported = try await daemon.chantierctl(["site", "export", "--sector", "nord"])
        #expect(
            exported.output == "code,name,sector,client,address,notes\r\nparc,Parc,nord,omh,\"12, rue du Parc\",\r\n"
        )
        #expect(try await daemon.chantierctl(["site", "archive", "cour"]).status == 0)
        let listed = try await daemon.chantierctl(["site", "list"])
        #expect(listed.output.contains("parc") && !listed.output.contains("cour"), "\(listed.output)")
        let order = try await daemon.chantierctl([
            "order", "add", "--title", "T", "--site", "cour", "--task", "hand-cleanup", "--days", "mon", "--time",
            "09:00-10:00", "--from", "2030-01-01",
        ])
        #expect(order.status == 65 && order.output.contains("the site cour is archived"), "\(order.output)")
        await daemon.stop()
    }

    @Test func ordersImportAndExportAndCloseCancelsTheirShifts() async throws {
        let (daemon, database) = try await start()
        _ = try await daemon.chantierctl(["site", "add", "parc", "--name", "Parc", "--sector", "nord"])
        let csv = try file(
            daemon,
            "orders.csv",
            """
            title,site,task,first_day,last_day,weekdays,start,end,headcount,skip
            Corvée,parc,hand-cleanup,\(LocalDay.offset(1)),\(LocalDay.offset(14)),lun;mer;ven,16:00,18:00,3,
            Nettoyage,parc,hand-cleanup,\(LocalDay.offset(1)),\(LocalDay.offset(14)),sat,10:00,12:00,2,
            """
        )
        let imported = try await daemon.chantierctl(["--json", "order", "import", csv])
        #expect(imported.status == 0 && imported.output.contains("\"added\" : 2"), "\(imported.output)")
        let exported = try await daemon.chantierctl(["order", "export"])
        #expect(exported.output.hasPrefix("id,status,title,client,site,task"), "\(exported.output)")
        #expect(exported.output.contains("mon;wed;fri"))
        let close = try await daemon.chantierctl(["order", "close", "1", "--reason", "le client annule"])
        #expect(close.status == 0 && close.output.contains("closed (le client annule)"), "\(close.output)")
        let open = try await database.withPool { pool throws in
            try await pool.query("SELECT count(*) FROM shifts WHERE work_order_id = 1 AND status = 'open'").value(
                Int.self
            )
        }
        #expect(open == 0)
        await daemon.stop()
    }

    @Test func aPolicyChangeKeepsThePastAndRefusesToRewriteIt() async throws {
        let (daemon, _) = try await start()
        let agir = TestDatabases.repositoryRoot.appending(path: "Config/programs/agir-ensemble.yaml").path
        #expect(try await daemon.chantierctl(["program", "add", "--file", agir]).status == 0)
        let past = try await daemon.chantierctl([
            "program", "set-policy", "agir-ensemble", "--file", agir, "--from", "2026-02-01",
        ])
        #expect(past.status == 67 && past.output.contains("past weeks keep the policy they had"), "\(past.output)")
        let stricter = try file(
            daemon,
            "policy.yaml",
            "week_starts_on: sunday\ncaps:\n  - {rule: AGIR-SCHOOLYEAR-WORK-5H, season: school-year, work_minutes_per_week: 300}\n"
        )
        let future = try await daemon.chantierctl([
            "--json", "program", "set-policy", "agir-ensemble", "--file", stricter, "--from", LocalDay.offset(30),
        ])
        #expect(future.status == 0, "\(future.output)")
        #expect(future.output.components(separatedBy: "\"effective_from\"").count == 3, "both versions are kept")
        let looser = try file(
            daemon,
            "looser.yaml",
            "caps:\n  - {rule: X, season: school-year, work_minutes_per_week: 1200}\n"
        )
        let refused = try await daemon.chantierctl([
            "program", "set-policy", "agir-ensemble", "--file", looser, "--from", LocalDay.offset(40),
        ])
        #expect(refused.status == 65 && refused.output.contains("looser"), "\(refused.output)")
        await daemon.stop()
    }

    @Test func calendarsFromICalendarAndTheirPeriodsInFrench() async throws {
        let (daemon, _) = try await start()
        let ics = try file(
            daemon,
            "ecole.ics",
            """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260827
            SUMMARY:Rentrée
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20261219
            DTEND;VALUE=DATE:20270104
            SUMMARY:Congé des Fêtes
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20270623
            SUMMARY:Fin des classes
            END:VEVENT
            END:VCALENDAR
            """
        )
        let imported = try await daemon.chantierctl([
            "calendar", "import", "ecole", ics, "--class-hours", "08:15-15:30",
        ])
        #expect(imported.status == 0, "\(imported.output)")
        let shown = try await daemon.chantierctl(["calendar", "show", "ecole"], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(shown.output.contains("2026-12-19  2027-01-03  16     exempt-break"), "\(shown.output)")
        #expect(shown.output.contains("derniers jours d’année scolaire: 2027-06-23"), "\(shown.output)")
        let flsa = try await daemon.chantierctl(["--json", "calendar", "show", "ecole", "--rule-pack", "US-FLSA"])
        #expect(flsa.output.contains("non-school-week"))
        await daemon.stop()
    }

    @Test func aParticipantsFileChangesPieceByPieceAndArchivingKeepsIt() async throws {
        let (daemon, _) = try await start()
        let added = try await daemon.chantierctl([
            "--json", "participant", "add", "--given", "Noah", "--family", "Côté", "--birth-date", "2012-08-30",
            "--sector", "nord", "--skill", "peinture", "--available", "mon 16:00-19:00",
        ])
        try #require(added.status == 0, "\(added.output)")
        let updated = try await daemon.chantierctl([
            "--json", "participant", "update", "1", "--phone", "819-555-0204", "--skill", "premiers-soins:2027-06-30",
            "--remove-skill", "peinture", "--available", "sat 09:00-12:00", "--unavailable-on", "2026-12-24",
            "--available-on", "2026-12-27 10:00-12:00",
        ])
        try #require(updated.status == 0, "\(updated.output)")
        let participant = try #require(JSONSerialization.jsonObject(with: Data(updated.output.utf8)) as? [String: Any])
        #expect(participant["phone"] as? String == "819-555-0204")
        #expect(participant["given_name"] as? String == "Noah", "what is not given stays")
        #expect((participant["skills"] as? [[String: Any]])?.map { $0["name"] as? String } == ["premiers-soins"])
        #expect(participant["availability"] as? [String] == ["sat 09:00-12:00"])
        #expect((participant["availability_exceptions"] as? [Any])?.count == 2)
        let cleared = try await daemon.chantierctl(["--json", "participant", "update", "1", "--phone", ""])
        #expect(!cleared.output.contains("819-555-0204"), "an empty value clears a text")
        let unknown = try await daemon.chantierctl(["participant", "update", "1", "--remove-skill", "soudure"])
        #expect(unknown.status == 65 && unknown.output.contains("does not have the skill soudure"), "\(unknown.output)")

        let guardian = try await daemon.chantierctl([
            "--json", "participant", "guardian", "add", "1", "--name", "Julie Côté", "--relationship", "mère",
        ])
        #expect(guardian.status == 0 && guardian.output.contains("Julie Côté"), "\(guardian.output)")
        let consent = try await daemon.chantierctl([
            "--json", "participant", "consent", "add", "1", "--kind", "program_consent", "--signed", "2026-09-01",
            "--guardian", "1",
        ])
        #expect(consent.status == 0, "\(consent.output)")
        let early = try await daemon.chantierctl(["participant", "consent", "revoke", "1", "1", "--on", "2026-08-01"])
        #expect(early.status == 65, "a consent cannot be revoked before it was signed: \(early.output)")
        let revoked = try await daemon.chantierctl(["participant", "consent", "revoke", "1", "1", "--on", "2026-10-01"])
        #expect(revoked.status == 0 && revoked.output.contains("revoked 2026-10-01"), "\(revoked.output)")

        #expect(try await daemon.chantierctl(["participant", "archive", "1"]).status == 0)
        let active = try await daemon.chantierctl(["participant", "list"])
        #expect(!active.output.contains("Côté"), "\(active.output)")
        let archived = try await daemon.chantierctl(["participant", "list", "--status", "archived"])
        #expect(archived.output.contains("Côté"), "archived, never deleted")
        await daemon.stop()
    }
}

/// Days relative to today, as the commands take them.
enum LocalDay {
    /// The day `days` after today, `YYYY-MM-DD`.
    static func offset(_ days: Int) -> String {
        let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: days, to: Date())!
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
