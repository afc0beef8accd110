import ChantierCore
import Foundation

/// The benchmark kit's instances and validator (`Tests/Fixtures/planner`), and a writer of small
/// hand-made instances.
enum PlanFixtures {
    static let directory = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Fixtures/planner")

    static func instance(named name: String) throws -> (data: Data, instance: PlanInstance) {
        let data = try Data(contentsOf: directory.appending(path: "\(name).json"))
        return (data, try PlanInstance(json: data))
    }

    /// `validate.py`'s verdict on a plan: its exit status and last line (`objective: X` when valid).
    static func validate(_ instance: Data, _ plan: Planner.Plan) throws -> (status: Int32, last: String) {
        let work = FileManager.default.temporaryDirectory.appending(path: "plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let instancePath = work.appending(path: "instance.json")
        let solutionPath = work.appending(path: "solution.json")
        try instance.write(to: instancePath)
        let pairs = plan.assignments.map { ["participant": $0.participant, "shift": $0.shift] }
        let solution: [String: Any] = ["format": "chantier-plan-solution/1", "assignments": pairs]
        try JSONSerialization.data(withJSONObject: solution).write(to: solutionPath)
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/python3")
        process.arguments = [directory.appending(path: "validate.py").path, instancePath.path, solutionPath.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let last = output.split(separator: "\n").last.map(String.init) ?? ""
        return (process.terminationStatus, process.terminationStatus == 0 ? last : output)
    }

    /// A one-week instance from the week of Monday 2026-11-23, in `chantier-plan/1` JSON.
    static func week(participants: [String], shifts: [String], weights: String = "") -> Data {
        Data(
            """
            {"format": "chantier-plan/1", "week_start": "2026-11-23",
             "participants": [\(participants.joined(separator: ","))],
             "shifts": [\(shifts.joined(separator: ","))]\(weights.isEmpty ? "" : ", \"weights\": \(weights)")}
            """.utf8
        )
    }

    static func participant(
        _ id: String,
        born: String = "2000-01-01",
        sector: String = "nord",
        skills: [String] = [],
        available: [(String, String)] = [("2026-11-23T00:00", "2026-11-30T00:00")],
        fixed: [(String, String)] = [],
        target: Int = 0,
        week: Int = 2400,
        weekdays: Int? = nil,
        days: [String: Int] = [:]
    ) -> String {
        func intervals(_ list: [(String, String)]) -> String {
            "[" + list.map { "{\"start\": \"\($0.0)\", \"end\": \"\($0.1)\"}" }.joined(separator: ",") + "]"
        }
        let dayCaps = "{" + days.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ",") + "}"
        return """
            {"id": "\(id)", "birth_date": "\(born)", "sector": "\(sector)", "skills": \(skills),
             "availability": \(intervals(available)), "fixed": \(intervals(fixed)), "target_minutes": \(target),
             "limits": {"week_max_minutes": \(week), "weekday_max_minutes": \(weekdays.map(String.init) ?? "null"),
                        "day_max_minutes": \(dayCaps)}}
            """
    }

    static func shift(
        _ id: String,
        _ start: String,
        _ end: String,
        sector: String = "nord",
        skills: [String] = [],
        minAge: Int = 0,
        demand: Int = 1,
        priority: Int = 3
    ) -> String {
        """
        {"id": "\(id)", "start": "\(start)", "end": "\(end)", "sector": "\(sector)", "site": "parc", "task": "cleaning",
         "skills": \(skills), "min_age": \(minAge), "demand": \(demand), "priority": \(priority)}
        """
    }
}
