/// The one line a command that returns nothing prints, except for scripts (`--json`, `--csv`),
/// which get nothing and read the exit status.
enum Confirmation {
    static func print(_ options: GlobalOptions, _ line: String) {
        guard options.format == .table else { return }
        Swift.print(line)
    }
}
