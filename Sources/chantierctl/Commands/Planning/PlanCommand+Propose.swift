import ArgumentParser
import ChantierAPI
import ChantierClient
import OpenAPIRuntime

extension PlanCommand {
    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan a week and store the result as a proposal.",
            discussion: """
                The week's proposal still waiting for a decision is superseded. The budget is \
                --seconds of search (the daemon's planner.default_seconds by default), or --work \
                candidate evaluations with no clock limit: the same work and seed give the same \
                plan on every machine.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The ISO week, such as 2026-W48.") var week: String
        @Option(help: "The search budget in seconds.") var seconds: Int?
        @Option(help: "The search budget in candidate evaluations, with no clock limit.") var work: Int?
        @Option(help: "The seed of the search.") var seed: Int?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let plan: Components.Schemas.Plan
                switch try await connection.client.proposePlan(
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(week: week, seconds: seconds.map(Double.init), seed: seed, work: work))
                ) {
                case .created(let response): plan = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try PlanCommand.summary(plan).render(options.format, json: plan))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List proposals, newest first.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this ISO week's, such as 2026-W48.") var week: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.PlanList
                switch try await connection.client.listPlans(query: .init(week: week)) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                let m = Messages.current
                let listing = Listing(
                    columns: [
                        .init(key: "id", label: "id"), .init(key: "week", label: m.pick("week", "semaine")),
                        .init(key: "status", label: m.pick("status", "état")),
                        .init(key: "proposed_at", label: m.pick("proposed", "proposée")),
                        .init(key: "proposed_by", label: m.pick("by", "par")),
                        .init(key: "objective", label: m.pick("objective", "objectif")),
                    ],
                    rows: list.plans.map {
                        ["\($0.id)", $0.week, $0.status.rawValue, $0.proposedAt, $0.proposedBy, $0.objective]
                    }
                )
                print(try listing.render(options.format, json: list))
            }
        }
    }

    struct Instance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the chantier-plan/1 instance a proposal was made from.",
            discussion: "chantierd plan FILE --work N --seed S solves it again, with the proposal's work and seed."
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var proposal: ProposalOptions
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let id = try await proposal.resolve(waiting: false, on: connection)
                let body: HTTPBody
                switch try await connection.client.getPlanInstance(path: .init(id: id)) {
                case .ok(let response): body = try response.body.plainText
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                try OutputFile.write(try await String(collecting: body, upTo: .max), to: output)
            }
        }
    }
}
