import ArgumentParser
import ChantierAPI

extension ParticipantCommand {
    /// `chantierctl participant consent add|revoke`.
    struct ConsentCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consent",
            abstract: "Consents the rules read: the CNESST form for a Québec under-14, a French guardian's agreement…",
            subcommands: [Add.self, Revoke.self]
        )
    }
}
