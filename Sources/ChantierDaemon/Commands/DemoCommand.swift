import ArgumentParser
import ChantierCore
import ChantierStorage
import Foundation
import Logging

/// `chantierd demo`: years of invented history in an empty database, to try and measure the
/// statistics at scale.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill an empty database with years of invented history.",
        discussion: """
            Makes sectors, sites, an adult and a youth program, a school calendar, participants and \
            their stays, about 100 time entries a participant (some corrected), approved weeks and \
            outcomes, from a seed: the same arguments give the same data. 50,000 participants over 10 \
            years make about 5 million time entries. The database must be migrated and hold no \
            participant. Never run it on a production database.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "How many participants (1 to 1,000,000).") var participants = 1000
    @Option(help: "How many years of history, ending last December (1 to 30).") var years = 2
    @Option(help: "The seed of the random draws.") var seed = 1

    func validate() throws {
        guard (1...1_000_000).contains(participants) else {
            throw ValidationError("--participants must be from 1 to 1000000")
        }
        guard (1...30).contains(years) else { throw ValidationError("--years must be from 1 to 30") }
    }

    func run() async throws {
        let logger = Logger(label: "chantierd.demo")
        let generator = DemoGenerator(
            participants: participants,
            years: years,
            seed: seed,
            today: OrganisationClock(timeZone: "America/Toronto").today()
        )
        let started = ContinuousClock.now
        let summary = try await database.withPool(logger: logger) { pool in
            try await generator.run(on: Database(pool: pool)) { step in
                FileHandle.standardError.write(Data("\(step)\n".utf8))
            }
        }
        let seconds = (ContinuousClock.now - started).components.seconds
        print("demonstration data for \(generator.period.first) to \(generator.period.last), made in \(seconds) s:")
        for (table, rows) in summary.counts { print("  \(table): \(rows)") }
    }
}
