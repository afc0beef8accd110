import ArgumentParser
import ChantierAPI
import ChantierClient

extension ShiftCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a shift and who is on it.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The shift's id.") var id: Int

        func run() async throws {
            try await Invocation.run(options) { connection in
                let shift: Components.Schemas.Shift
                switch try await connection.client.getShift(path: .init(id: id)) {
                case .ok(let response): shift = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ShiftCommand.record(shift).render(options.format, json: shift))
            }
        }
    }
}
