import ChantierClient
import Foundation

/// What chantierctl says, in French or English: `LC_ALL`, then `LC_MESSAGES`, then `LANG`
/// starting with `fr` selects French.
struct Messages: Sendable {
    let french: Bool

    static var current: Messages {
        let environment = ProcessInfo.processInfo.environment
        let locale =
            [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return Messages(french: locale.hasPrefix("fr"))
    }

    func pick(_ english: String, _ french: String) -> String {
        self.french ? french : english
    }

    var jsonAndCSV: String { pick("choose --json or --csv, not both", "choisissez --json ou --csv, pas les deux") }

    func unreachable(socket: String, reason: ClientFailure.Unreachable) -> String {
        let reason =
            switch reason {
            case .noSuchSocket: pick("no such socket", "ce socket n’existe pas")
            case .nothingListens: pick("nothing listens there", "personne n’y écoute")
            case .invalidPath: pick("not a usable socket path", "chemin de socket inutilisable")
            case .permissionDenied:
                pick(
                    "permission denied: ask an administrator to add you to the group chantier",
                    "permission refusée : demandez à un administrateur de vous ajouter au groupe chantier"
                )
            case .other(let text): text
            }
        return pick(
            "chantierd does not answer on \(socket) (\(reason)). Start it with `systemctl start chantierd` "
                + "(or `scripts/run` in a source checkout), or give its socket with --socket or CHANTIER_SOCKET.",
            "chantierd ne répond pas sur \(socket) (\(reason)). Démarrez-le avec `systemctl start chantierd` "
                + "(ou `scripts/run` dans une copie des sources), ou indiquez son socket avec --socket ou CHANTIER_SOCKET."
        )
    }

    var yes: String { pick("yes", "oui") }
    var no: String { pick("no", "non") }
}
