import ArgumentParser
import ChantierAPI
import ChantierClient

extension PlanCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a proposal: coverage, open shifts and why, participants below target, sectors.",
            discussion: """
                Prints the summary, then the placements, the shifts with places left open and the \
                reason nobody fits, the participants below their program's target, and the \
                placements the rules refused once the whole plan was known.
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var proposal: ProposalOptions

        func run() async throws {
            try await Invocation.run(options) { connection in
                let id = try await proposal.resolve(waiting: false, on: connection)
                let plan: Components.Schemas.Plan
                switch try await connection.client.getPlan(path: .init(id: id)) {
                case .ok(let response): plan = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                guard options.format == .table else {
                    print(try PlanCommand.placements(plan.placements).render(options.format, json: plan))
                    return
                }
                print(try PlanCommand.summary(plan).render(.table, json: plan))
                for (title, listing) in sections(plan) {
                    print("\n\(title)\n" + (try listing.render(.table, json: plan)))
                }
            }
        }

        private func sections(_ plan: Components.Schemas.Plan) -> [(String, Listing)] {
            let m = Messages.current
            let open = plan.shifts.filter { $0.proposed < $0.openPlaces }
            let below = plan.people.filter(\.belowTarget)
            return [
                (m.pick("Placements", "Affectations"), PlanCommand.placements(plan.placements)),
                (
                    m.pick("Shifts with places left open", "Quarts aux places non pourvues"),
                    Listing(
                        columns: [
                            .init(key: "shift", label: m.pick("shift", "quart")),
                            .init(key: "open", label: m.pick("open", "libres")),
                            .init(key: "reason", label: m.pick("why", "pourquoi")),
                        ],
                        rows: open.map {
                            [PlanCommand.shift($0.shift), "\($0.openPlaces - $0.proposed)", $0.reason ?? ""]
                        }
                    )
                ),
                (
                    m.pick("Participants below target", "Participants sous la cible"),
                    Listing(
                        columns: [
                            .init(key: "participant_id", label: "#"),
                            .init(key: "participant", label: m.pick("participant", "participant")),
                            .init(key: "target", label: m.pick("target", "cible")),
                            .init(key: "planned", label: m.pick("planned", "prévu")),
                        ],
                        rows: below.map {
                            [
                                "\($0.participantId)", $0.participantName, Minutes.text($0.targetMinutes),
                                Minutes.text($0.fixedMinutes + $0.proposedMinutes),
                            ]
                        }
                    )
                ),
                (
                    m.pick("Refused by the rules once planned", "Refusées par les règles une fois planifiées"),
                    Listing(
                        columns: [
                            .init(key: "shift", label: m.pick("shift", "quart")),
                            .init(key: "participant", label: m.pick("participant", "participant")),
                            .init(key: "reason", label: m.pick("why", "pourquoi")),
                        ],
                        rows: plan.refusals.map { [PlanCommand.shift($0.shift), $0.participantName, $0.reason] }
                    )
                ),
            ]
        }
    }
}
