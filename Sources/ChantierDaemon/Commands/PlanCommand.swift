import ArgumentParser
import ChantierCore
import Foundation

/// `chantierd plan FILE`: solves one `chantier-plan/1` week offline, with no database and no
/// socket, and prints a `chantier-plan-solution/1` document.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan one chantier-plan/1 week offline and print a chantier-plan-solution/1 document.",
        discussion: """
            The plan always meets every hard constraint of the format. The budget is counted in \
            candidate evaluations (\(Planner.workPerSecond) a second), so the same file, budget \
            and seed give the same plan on every machine, unless the budget's wall-clock time runs \
            out first (large weeks, slow machines). A malformed file exits 65 with a message naming \
            the field at fault. --work gives the budget in candidate evaluations with no clock \
            limit, so the plan is the same everywhere: with a proposal's instance (chantierctl plan \
            instance), work and seed, it is the proposal's plan.
            """
    )

    @Argument(help: ArgumentHelp("The chantier-plan/1 file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: "The search budget in seconds (default 3).") var seconds: Double?

    @Option(help: "The search budget in candidate evaluations instead, with no clock limit.") var work: Int?

    @Option(help: "The seed of the search: the same seed gives the same plan.") var seed: UInt64 = 1

    @Option(help: "Write the solution to this file instead of standard output.") var output: String?

    func validate() throws {
        guard (seconds ?? 0) >= 0, (seconds ?? 0) <= 3600 else {
            throw ValidationError("--seconds must be from 0 to 3600")
        }
        guard seconds == nil || work == nil else { throw ValidationError("give --seconds or --work, not both") }
        guard (0...3600 * Planner.workPerSecond).contains(work ?? 0) else {
            throw ValidationError("--work must be from 0 to \(3600 * Planner.workPerSecond)")
        }
    }

    func run() async throws {
        let data: Data
        do {
            data =
                file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(filePath: file))
        } catch {
            FileHandle.standardError.write(
                Data("chantierd plan: cannot read \(file): \(error.localizedDescription)\n".utf8)
            )
            throw ExitCode(66)
        }
        let instance: PlanInstance
        do {
            instance = try PlanInstance(json: data)
        } catch {
            FileHandle.standardError.write(
                Data("chantierd plan: \(file == "-" ? "standard input" : file): \(error)\n".utf8)
            )
            throw ExitCode(65)
        }
        let started = ContinuousClock.now
        let plan =
            work.map { Planner.plan(instance, work: $0, seed: seed) }
            ?? Planner.plan(instance, seconds: seconds ?? 3, seed: seed)
        let elapsed = ContinuousClock.now - started
        let document = PlanSolutionDocument(plan: plan, seconds: elapsed)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        if let output {
            try Data(text.utf8).write(to: URL(filePath: output), options: .atomic)
        } else {
            print(text, terminator: "")
        }
        let summary =
            "chantierd plan: \(plan.assignments.count) assignments, objective \(plan.objective), "
            + "\(plan.candidatePairs) candidate pairs, \(plan.iterations) iterations"
            + (plan.stoppedByDeadline ? " (stopped by the clock)\n" : "\n")
        FileHandle.standardError.write(Data(summary.utf8))
    }
}

/// A `chantier-plan-solution/1` document.
struct PlanSolutionDocument: Encodable {
    struct Pair: Encodable {
        var participant: String
        var shift: String
    }

    struct Stats: Encodable {
        var objective: String
        var candidatePairs: Int
        var iterations: Int
        var stoppedByDeadline: Bool

        enum CodingKeys: String, CodingKey {
            case objective
            case candidatePairs = "candidate_pairs"
            case iterations
            case stoppedByDeadline = "stopped_by_deadline"
        }
    }

    var format = "chantier-plan-solution/1"
    var assignments: [Pair]
    var solver = "chantierd"
    var seconds: Double
    var stats: Stats

    init(plan: Planner.Plan, seconds: Duration) {
        assignments = plan.assignments.map { Pair(participant: $0.participant, shift: $0.shift) }
        self.seconds = Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18
        stats = Stats(
            objective: "\(plan.objective)",
            candidatePairs: plan.candidatePairs,
            iterations: plan.iterations,
            stoppedByDeadline: plan.stoppedByDeadline
        )
    }
}
