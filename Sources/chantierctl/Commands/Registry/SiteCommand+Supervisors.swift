import ArgumentParser
import ChantierAPI
import ChantierClient

extension SiteCommand {
    struct Supervisors: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or remove the Unix users who supervise a site: they log its hours and submit its weeks."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The site's code.") var code: String
        @Option(help: "A user to add (repeatable).") var add: [String] = []
        @Option(help: "A user to remove (repeatable).") var remove: [String] = []

        func run() async throws {
            try await Invocation.run(options) { connection in
                let site: Components.Schemas.Site
                switch try await connection.client.changeSiteSupervisors(
                    path: .init(code: code),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(add: add, remove: remove))
                ) {
                case .ok(let response): site = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try SiteCommand.record(site).render(options.format, json: site))
            }
        }
    }
}
