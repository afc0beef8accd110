public import ArgumentParser

/// The `chantierd` command line: the service itself and its offline tools.
public struct ChantierdCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chantierd",
        abstract: "Chantier's daemon: schedules work programs and keeps their hours in PostgreSQL.",
        subcommands: [ServeCommand.self, MigrateCommand.self, CheckCommand.self, PlanCommand.self, DemoCommand.self],
        defaultSubcommand: ServeCommand.self
    )

    public init() {}
}
