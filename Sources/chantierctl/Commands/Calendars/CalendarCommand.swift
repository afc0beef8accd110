import ArgumentParser
import ChantierAPI

/// `chantierctl calendar …`: school calendars, which decide school period and holidays.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Import, list and show school calendars and their periods under each rule pack.",
        subcommands: [Import.self, List.self, Show.self]
    )
}

extension Components.Schemas.RulePack: ExpressibleByArgument {}
