import ArgumentParser
import ChantierAPI
import ChantierClient

/// Which proposal a `plan` subcommand is about: its id, or a week's newest.
struct ProposalOptions: ParsableArguments {
    @Argument(help: "The proposal's id.") var id: Int?
    @Option(
        help: "The ISO week instead, such as 2026-W48: its newest proposal (to commit or discard, the one waiting)."
    )
    var week: String?

    func validate() throws {
        guard (id == nil) != (week == nil) else {
            throw ValidationError("name the proposal by its id or by --week, one of them")
        }
    }

    /// The proposal's id: `id`, or the week's newest (waiting for a decision, when `waiting`).
    func resolve(waiting: Bool, on connection: ChantierConnection) async throws -> Int {
        if let id { return id }
        guard let week else { throw ValidationError("name the proposal by its id or by --week") }
        let list: Components.Schemas.PlanList
        switch try await connection.client.listPlans(query: .init(week: week)) {
        case .ok(let response): list = try response.body.json
        case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
        }
        guard let plan = list.plans.first(where: { !waiting || $0.status == .proposed }) else {
            throw ClientFailure(
                kind: .api(.notFound, status: 404),
                message: "no proposal \(waiting ? "waits for a decision " : "")for \(week); "
                    + "chantierctl plan propose --week \(week) makes one"
            )
        }
        return plan.id
    }
}
