import ArgumentParser

/// `chantierctl`: the admin command line of Chantier, talking to `chantierd` over its Unix socket.
@main
struct Chantierctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chantierctl",
        abstract: "Administer Chantier: work programs, participants, shifts and hours.",
        discussion: """
            Talks to chantierd over its Unix socket (--socket, CHANTIER_SOCKET, or \
            /run/chantier/chantierd.sock). Who you are comes from the kernel; your Unix groups give \
            your roles. Messages follow LANG (French or English).

            Exit status: 0 success, 1 unexpected failure, 64 usage error, 65 invalid request, \
            66 not found, 67 conflict, 69 daemon or database unavailable, 77 not authorized.
            """,
        version: "0.5.0",
        subcommands: [
            StatusCommand.self, WhoamiCommand.self, SectorCommand.self, ClientCommand.self, SiteCommand.self,
            TaskCommand.self, ProgramCommand.self, CalendarCommand.self,
            ParticipantCommand.self, EnrollCommand.self, ExitCommand.self, OrderCommand.self, ShiftCommand.self,
            AssignCommand.self, UnassignCommand.self, ConfirmCommand.self, DeclineCommand.self, RosterCommand.self,
            PlanCommand.self, HoursCommand.self, WeekCommand.self, AlertCommand.self, PayrollCommand.self,
            OutcomeCommand.self, FollowUpCommand.self, StatsCommand.self, ReportCommand.self, RulesCommand.self,
        ]
    )

    /// Global options may come before the subcommand too (`chantierctl --socket PATH status`).
    @OptionGroup var options: GlobalOptions
}
