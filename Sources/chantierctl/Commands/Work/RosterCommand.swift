import ArgumentParser
import ChantierAPI
import ChantierClient

/// `chantierctl roster --week 2026-W48`: who works where, shift by shift.
struct RosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Who works where during a week, shift by shift."
    )

    @OptionGroup var options: GlobalOptions
    @OptionGroup var range: ShiftRange

    func run() async throws {
        try await Invocation.run(options) { connection in
            let list = try await range.shifts(on: connection)
            let m = Messages.current
            let rows = list.shifts.flatMap { shift -> [[String]] in
                let held = shift.assignments.filter { $0.status != .declined && $0.status != .cancelled }
                let first = [
                    "\(shift.id)", "\(ShiftCommand.weekday(shift.date)) \(shift.date)", "\(shift.start)-\(shift.end)",
                    shift.site, shift.task,
                ]
                let empty = Array(repeating: "", count: first.count)
                let people = held.map { ["\($0.participantName) #\($0.participantId)", $0.status.rawValue] }
                let open = max(0, shift.headcount - held.count)
                let placeholders = Array(repeating: [m.pick("(open)", "(à pourvoir)"), ""], count: open)
                return (people + placeholders).enumerated().map { index, person in
                    (index == 0 ? first : empty) + person
                }
            }
            let listing = Listing(
                columns: [
                    .init(key: "shift", label: m.pick("shift", "quart")), .init(key: "date", label: "date"),
                    .init(key: "time", label: m.pick("time", "heures")), .init(key: "site", label: "site"),
                    .init(key: "task", label: m.pick("task", "tâche")),
                    .init(key: "participant", label: m.pick("participant", "participant")),
                    .init(key: "status", label: m.pick("status", "état")),
                ],
                rows: rows
            )
            let title = m.pick("roster", "horaire") + " \(list.first) → \(list.last)"
            let body = try listing.render(options.format, json: list)
            print(options.format == .table ? "\(title)\n\n\(body)" : body)
        }
    }
}
