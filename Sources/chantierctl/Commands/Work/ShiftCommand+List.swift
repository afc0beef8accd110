import ArgumentParser
import ChantierAPI
import ChantierClient

extension ShiftCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the shifts of a week or of a range of days.")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var range: ShiftRange
        @Option(help: "Only this order's shifts.") var order: Int?
        @Option(help: "open (default), cancelled or all.") var status: Operations.ListShifts.Input.Query.StatusPayload?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list = try await range.shifts(on: connection, order: order, status: status)
                print(try ShiftCommand.listing(list.shifts).render(options.format, json: list))
            }
        }
    }
}

/// The days, site and sector a list of shifts covers (`shift list`, `roster`).
struct ShiftRange: ParsableArguments {
    @Option(help: "An ISO week such as 2026-W48 (default: this week).") var week: String?
    @Option(help: "The first day, YYYY-MM-DD.") var from: String?
    @Option(help: "The last day, YYYY-MM-DD.") var to: String?
    @Option(help: "Only this site's shifts.") var site: String?
    @Option(help: "Only this sector's shifts.") var sector: String?

    func validate() throws {
        if week != nil && (from != nil || to != nil) {
            throw ValidationError(
                Messages.current.pick("choose --week or --from/--to", "choisissez --week ou --from/--to")
            )
        }
    }

    func shifts(
        on connection: ChantierConnection,
        order: Int? = nil,
        status: Operations.ListShifts.Input.Query.StatusPayload? = nil
    ) async throws -> Components.Schemas.ShiftList {
        switch try await connection.client.listShifts(
            query: .init(week: week, from: from, to: to, site: site, sector: sector, order: order, status: status)
        ) {
        case .ok(let response): return try response.body.json
        case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
        }
    }
}

extension Operations.ListShifts.Input.Query.StatusPayload: ExpressibleByArgument {}
