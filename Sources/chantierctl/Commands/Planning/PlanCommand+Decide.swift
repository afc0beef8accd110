import ArgumentParser
import ChantierAPI
import ChantierClient

extension PlanCommand {
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what committing a proposal now would do to the roster.",
            discussion: """
                Each placement is add (commit makes it), already-assigned (someone put them on \
                the shift meanwhile) or conflict (commit would refuse it, with the reason). It is \
                the commit itself, run and rolled back.
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var proposal: ProposalOptions

        func run() async throws {
            try await Invocation.run(options) { connection in
                let id = try await proposal.resolve(waiting: false, on: connection)
                let diff: Components.Schemas.PlanDiff
                switch try await connection.client.diffPlan(path: .init(id: id)) {
                case .ok(let response): diff = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try PlanCommand.lines(diff.lines).render(options.format, json: diff))
            }
        }
    }

    struct Commit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a waiting proposal into assignments, each checked again.",
            discussion: """
                In one transaction: if a placement is no longer possible (the rules, a \
                cancellation, a full shift, an overlap), nothing is committed and each is listed \
                (exit 67, [plan-stale]); --skip-refused commits the others.
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var proposal: ProposalOptions
        @Flag(help: "Commit the placements still possible and leave the others.") var skipRefused = false

        func run() async throws {
            try await Invocation.run(options) { connection in
                let id = try await proposal.resolve(waiting: true, on: connection)
                let commit: Components.Schemas.PlanCommit
                switch try await connection.client.commitPlan(
                    path: .init(id: id),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(skipRefused: skipRefused))
                ) {
                case .ok(let response): commit = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try PlanCommand.lines(commit.lines).render(options.format, json: commit))
            }
        }
    }

    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Discard a waiting proposal.")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var proposal: ProposalOptions

        func run() async throws {
            try await Invocation.run(options) { connection in
                let id = try await proposal.resolve(waiting: true, on: connection)
                let plan: Components.Schemas.Plan
                switch try await connection.client.discardPlan(
                    path: .init(id: id),
                    headers: .init(idempotencyKey: options.idempotencyKey)
                ) {
                case .ok(let response): plan = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try PlanCommand.summary(plan).render(options.format, json: plan))
            }
        }
    }
}

extension PlanCommand {
    static func lines(_ lines: [Components.Schemas.PlanDiffLine]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "change", label: m.pick("change", "changement")),
                .init(key: "shift", label: m.pick("shift", "quart")),
                .init(key: "participant_id", label: "#"),
                .init(key: "participant", label: m.pick("participant", "participant")),
                .init(key: "reason", label: m.pick("why", "pourquoi")),
            ],
            rows: lines.map {
                [
                    $0.change.rawValue, shift($0.placement.shift), "\($0.placement.participantId)",
                    $0.placement.participantName, $0.reason ?? "",
                ]
            }
        )
    }
}
