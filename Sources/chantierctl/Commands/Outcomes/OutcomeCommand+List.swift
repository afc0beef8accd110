import ArgumentParser
import ChantierAPI
import ChantierClient

extension OutcomeCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List outcomes by the day observed.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this participant's (their id).") var participant: Int?
        @Option(help: "Only outcomes following this program's enrollments.") var program: String?
        @Option(help: "Observed on or after this day, YYYY-MM-DD.") var from: String?
        @Option(help: "Observed on or before this day, YYYY-MM-DD.") var to: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.OutcomeList
                switch try await connection.client.listOutcomes(
                    query: .init(participant: participant, program: program, from: from, to: to)
                ) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try OutcomeCommand.listing(list.outcomes).render(options.format, json: list))
            }
        }
    }
}
