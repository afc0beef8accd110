import ArgumentParser
import ChantierAPI
import ChantierClient

extension HoursCommand {
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every entry of an entry's correction chain, oldest first, with who recorded each and why."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The entry's id (any entry of the chain).") var entry: Int

        func run() async throws {
            try await Invocation.run(options) { connection in
                let history: Components.Schemas.TimeEntryHistory
                switch try await connection.client.getTimeEntryHistory(path: .init(id: entry)) {
                case .ok(let response): history = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                let m = Messages.current
                let listing = HoursCommand.listing(history.entries)
                let extra: [[String]] = history.entries.map { entry in
                    ["\(entry.recordedAt)", entry.recordedBy, entry.current ? m.pick("in force", "en vigueur") : ""]
                }
                let merged = Listing(
                    columns: listing.columns + [
                        .init(key: "recorded_at", label: m.pick("recorded", "consignée")),
                        .init(key: "recorded_by", label: m.pick("by", "par")),
                        .init(key: "current", label: m.pick("state", "état")),
                    ],
                    rows: zip(listing.rows, extra).map { $0 + $1 }
                )
                print(try merged.render(options.format, json: history))
            }
        }
    }
}
