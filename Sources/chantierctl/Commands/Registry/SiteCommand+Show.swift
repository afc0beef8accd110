import ArgumentParser
import ChantierAPI
import ChantierClient

extension SiteCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a site.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The site's code.") var code: String

        func run() async throws {
            try await Invocation.run(options) { connection in
                let site: Components.Schemas.Site
                switch try await connection.client.getSite(path: .init(code: code)) {
                case .ok(let response): site = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try SiteCommand.record(site).render(options.format, json: site))
            }
        }
    }
}
