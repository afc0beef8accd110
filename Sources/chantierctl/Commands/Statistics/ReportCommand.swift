import ArgumentParser
import ChantierAPI
import ChantierClient
import OpenAPIRuntime

/// `chantierctl report --year 2026 --program agir-ensemble --out report.html`.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a program's annual report: one self-contained HTML page that prints to PDF.",
        discussion: """
            The report holds the year's key figures, hours by month and season, outcomes (return to work \
            for adult programs, return to school for youth programs) and the definitions used. It is \
            shareable by default: small cells are hidden; --internal shows them, for use inside the \
            organisation only.
            """
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: "The calendar year.") var year: Int
    @Option(help: "The program's code.") var program: String
    @Option(help: "The file to write (\"-\": standard output).") var out: String
    @Flag(help: "Show small cells (not for sharing outside the organisation).") var `internal` = false
    @Option(help: "Counts below it are hidden (default 5).") var threshold: Int?

    func run() async throws {
        try await Invocation.run(options) { connection in
            let html: String
            switch try await connection.client.getAnnualReport(
                query: .init(year: year, program: program, shareable: !`internal`, threshold: threshold)
            ) {
            case .ok(let response):
                html = try await String(collecting: try response.body.html, upTo: .max)
            case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
            }
            try OutputFile.write(html, to: out == "-" ? nil : out)
            guard out != "-" else { return }
            print(Messages.current.pick("report written to \(out)", "rapport écrit dans \(out)"))
        }
    }
}
