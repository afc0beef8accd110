import ChantierPQ
import ChantierTestSupport
import Foundation
import Testing

/// Scenarios through the `chantierctl` binary against a real daemon and database, with dates
/// computed from today in Montréal time so that they hold whenever they run.
protocol ScenarioTests {
    /// A Monday a week or more away, from which the scenario's days are counted.
    var monday: Date { get }
    var calendar: Calendar { get }
}

extension ScenarioTests {
    typealias Session = ScenarioSession

    /// Montréal's calendar, and the first Monday at least `daysFromToday` days from today.
    static func monday(daysFromToday: Int) -> (Calendar, Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/Toronto")!
        var day = calendar.date(byAdding: .day, value: daysFromToday, to: calendar.startOfDay(for: Date()))!
        while calendar.component(.weekday, from: day) != 2 { day = calendar.date(byAdding: .day, value: 1, to: day)! }
        return (calendar, day)
    }

    func day(_ offset: Int, from base: Date? = nil) -> String {
        let date = calendar.date(byAdding: .day, value: offset, to: base ?? monday)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    func session(extra configuration: String = "") async throws -> Session {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(
            conninfo: database.conninfo,
            configuration: "shifts:\n  horizon_days: 400\n" + configuration
        )
        try await daemon.waitUntilReady()
        return Session(daemon: daemon, database: database, directory: daemon.directory)
    }

    /// Sectors, sites, tasks, three programs and a calendar whose weekdays all have classes
    /// (08:15–15:30) from a month ago to more than a year ahead.
    func registry(_ s: Session) async throws {
        try await s.json(["sector", "add", "nord", "--name", "Nord"])
        try await s.json(["client", "add", "ville", "--name", "Ville", "--kind", "city"])
        try await s.json(["site", "add", "parc", "--name", "Parc du Nord", "--sector", "nord", "--client", "ville"])
        try await s.json(["task", "add", "hand-cleanup", "--name", "Nettoyage", "--min-age", "13"])
        try await s.json([
            "task", "add", "lawn-mowing", "--name", "Tonte", "--equipment", "power_mower", "--min-age", "16",
        ])
        let root = TestDatabases.repositoryRoot
        try await s.json(["program", "add", "--file", root.appending(path: "Config/programs/agir-ensemble.yaml").path])
        try await s.json(["program", "add", "--file", root.appending(path: "Config/programs/multiboulot.yaml").path])
        let open = try s.file(
            "ouvert.yaml",
            """
            code: ouvert
            name: Ouvert
            audience: youth
            rule_pack: QC
            ages: {min: 13, max: 17}
            effective_from: 2026-01-01
            policy:
              week_starts_on: sunday
            """
        )
        try await s.json(["program", "add", "--file", open])
        let csv = try s.file(
            "calendar.csv",
            "date,end_date,type\n\(day(-60, from: Date())),\(day(400, from: Date())),class\n"
        )
        let calendar = try await s.json([
            "calendar", "import", "csdr", csv, "--name", "Centre de services", "--class-hours", "08:15-15:30",
            "--known-from", day(-60, from: Date()), "--known-to", day(430, from: Date()),
        ])
        let periods = try #require(calendar["periods"] as? [[String: Any]])
        #expect(periods.contains { $0["kind"] as? String == "school-period" })
    }

    /// Adds a participant and returns their id.
    func participant(_ s: Session, _ given: String, _ family: String, born: String, school: Bool) async throws -> Int {
        var arguments = ["participant", "add", "--given", given, "--family", family, "--birth-date", born]
        if school { arguments += ["--calendar", "csdr", "--school-status", "attending"] }
        return try #require(try await s.json(arguments)["id"] as? Int)
    }

    /// Adds an order and returns its shifts, by date.
    func order(
        _ s: Session,
        _ title: String,
        program: String,
        task: String = "hand-cleanup",
        days: String,
        time: String,
        from: String,
        to: String,
        headcount: Int = 2
    ) async throws -> [String: Int] {
        let created = try await s.json([
            "order", "add", "--title", title, "--site", "parc", "--task", task, "--program", program, "--days", days,
            "--time", time, "--from", from, "--to", to, "--headcount", "\(headcount)",
        ])
        let id = try #require((created["order"] as? [String: Any])?["id"] as? Int)
        let list = try await s.json(["shift", "list", "--from", from, "--to", to, "--order", "\(id)"])
        var shifts: [String: Int] = [:]
        for shift in list["shifts"] as? [[String: Any]] ?? [] {
            shifts[shift["date"] as! String] = shift["id"] as? Int
        }
        #expect(created["shifts_created"] as? Int == shifts.count)
        return shifts
    }

    /// Tries an assignment: the exit status and what chantierctl printed.
    func assign(_ s: Session, _ participant: Int, _ shift: Int?) async throws -> ChildProcess.Result {
        try await s.ctl(["assign", "\(participant)", "\(try #require(shift))"])
    }
}

/// A running daemon on a fresh database, with the shifts of the next 400 days made at once.
struct ScenarioSession {
    let daemon: TestDaemon
    let database: TestDatabase
    let directory: URL

    func ctl(_ arguments: [String]) async throws -> ChildProcess.Result {
        try await daemon.chantierctl(arguments, environment: ["LANG": "C.UTF-8"])
    }

    /// Runs a command that must succeed and returns its JSON.
    @discardableResult
    func json(
        _ arguments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        let result = try await ctl(["--json"] + arguments)
        try #require(
            result.status == 0,
            "chantierctl \(arguments.joined(separator: " ")): \(result.output)",
            sourceLocation: sourceLocation
        )
        return try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = directory.appending(path: name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
