import ArgumentParser
import Foundation

/// A file named on the command line (`-` is standard input), read whole as UTF-8 text.
enum InputFile {
    static func text(_ path: String) throws -> String {
        let data: Data
        do {
            data =
                path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(filePath: path))
        } catch {
            throw ValidationError(Messages.current.pick("cannot read \(path)", "impossible de lire \(path)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError(
                Messages.current.pick(
                    "\(path) is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet)",
                    "\(path) n’est pas du texte UTF-8 ; enregistrez-le en UTF-8 (CSV UTF-8 dans un tableur)"
                )
            )
        }
        return text
    }
}

/// Where an export goes: a file given with `--output`, or standard output.
enum OutputFile {
    /// - Parameter ownerOnly: the file is made readable by its owner only (personal data).
    static func write(_ text: String, to path: String?, ownerOnly: Bool = false) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        let previousMask = ownerOnly ? umask(0o077) : nil
        defer { if let previousMask { umask(previousMask) } }
        do {
            try Data(text.utf8).write(to: URL(filePath: path), options: .atomic)
        } catch {
            throw ValidationError(Messages.current.pick("cannot write \(path)", "impossible d’écrire \(path)"))
        }
    }
}
