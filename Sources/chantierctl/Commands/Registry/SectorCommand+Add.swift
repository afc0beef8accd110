import ArgumentParser
import ChantierAPI
import ChantierClient

extension SectorCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a sector.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Its code: lower-case words joined by dashes, such as adelard-dugre.") var code: String
        @Option(help: "Its name, such as Adélard-Dugré.") var name: String

        func run() async throws {
            try await Invocation.run(options) { connection in
                let sector: Components.Schemas.Sector
                switch try await connection.client.createSector(
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(.init(code: code, name: name))
                ) {
                case .created(let response): sector = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try SectorCommand.listing([sector]).render(options.format, json: sector))
            }
        }
    }
}
