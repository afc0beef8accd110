import ArgumentParser
import ChantierAPI
import ChantierClient

extension SiteCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a site.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Its code, such as adelard-dugre-cour.") var code: String
        @Option(help: "Its name.") var name: String
        @Option(help: "The sector's code.") var sector: String
        @Option(help: "The client's code.") var client: String?
        @Option var address: String?
        @Option var notes: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let site: Components.Schemas.Site
                switch try await connection.client.createSite(
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(code: code, name: name, sector: sector, client: client, address: address, notes: notes)
                    )
                ) {
                case .created(let response): site = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try SiteCommand.record(site).render(options.format, json: site))
            }
        }
    }
}
