import ArgumentParser
import ChantierAPI
import ChantierClient

extension FollowUpCommand {
    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the follow-ups to make, by due day: those due by today, or by the day given."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "Those due on or before this day, YYYY-MM-DD (default: today).") var by: String = LocalDay.today
        @Option(help: "Only this participant's (their id).") var participant: Int?
        @Option(help: "Only those after this program.") var program: String?
        @Flag(help: "Include those done.") var all = false

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.FollowUpList
                switch try await connection.client.listFollowUps(
                    query: .init(dueBy: by, participant: participant, program: program, all: all)
                ) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try FollowUpCommand.listing(list.followUps).render(options.format, json: list))
            }
        }
    }
}
