import ArgumentParser
import ChantierAPI
import ChantierClient

extension HoursCommand {
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log hours worked, for a shift or at a site on a day.",
            discussion: """
                With --shift alone, the shift's own times are logged; --date, --start and --end give \
                other times. Without a shift, give --site, --date, --start and --end. Times are local; an \
                end at or before the start is the next day. An entry that breaks a rule is recorded and \
                flagged (exit status 0).
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The participant's id.") var participant: Int
        @Option(help: "The shift worked.") var shift: Int?
        @Option(help: "The site worked at (its code), without a shift.") var site: String?
        @Option(help: "The day, YYYY-MM-DD.") var date: String?
        @Option(help: "The local start, HH:MM.") var start: String?
        @Option(help: "The local end, HH:MM.") var end: String?
        @Option(name: .customLong("break"), help: "Minutes of unpaid break.") var breakMinutes: Int?
        @Option(help: "work (default), awareness_session or training.") var kind: Components.Schemas.WorkKind?
        @Option(help: "A note for the record.") var note: String?

        func validate() throws {
            let m = Messages.current
            if shift == nil && site == nil {
                throw ValidationError(
                    m.pick(
                        "give --shift, or --site with --date, --start and --end",
                        "donnez --shift, ou --site avec --date, --start et --end"
                    )
                )
            }
            if shift != nil && site != nil {
                throw ValidationError(
                    m.pick("give --shift or --site, not both", "donnez --shift ou --site, pas les deux")
                )
            }
            let times = [date, start, end].compactMap { $0 }.count
            if (shift == nil && times < 3) || (times != 0 && times != 3) {
                throw ValidationError(
                    m.pick(
                        "give --date, --start and --end together",
                        "donnez --date, --start et --end ensemble"
                    )
                )
            }
        }

        func run() async throws {
            try await Invocation.run(options) { connection in
                let logged: Components.Schemas.LoggedTime
                switch try await connection.client.logTime(
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(
                            participantId: participant,
                            shiftId: shift,
                            site: site,
                            date: date,
                            start: start,
                            end: end,
                            breakMinutes: breakMinutes,
                            kind: kind,
                            note: note
                        )
                    )
                ) {
                case .ok(let response): logged = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try HoursCommand.render(logged, format: options.format))
            }
        }
    }
}

extension Components.Schemas.WorkKind: ExpressibleByArgument {}
