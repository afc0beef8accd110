import Foundation

/// Where `chantierd` finds its SQL migrations, in this order: `--migrations`, the
/// `CHANTIER_MIGRATIONS` environment variable, `../share/chantier/migrations` next to the binary
/// (`/usr/share/chantier/migrations` for `/usr/bin/chantierd`), and, for a binary built in a
/// source checkout, the checkout's `Migrations/`.
enum MigrationsDirectory {
    static func locate(
        explicit: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL = currentExecutable()
    ) throws -> URL {
        if let explicit { return URL(filePath: explicit) }
        if let configured = environment["CHANTIER_MIGRATIONS"], !configured.isEmpty { return URL(filePath: configured) }
        let binDirectory = executable.deletingLastPathComponent()
        let installed = binDirectory.deletingLastPathComponent().appending(path: "share/chantier/migrations")
        if isDirectory(installed) { return installed }
        var directory = binDirectory
        while directory.path != "/" {
            let candidate = directory.appending(path: "Migrations")
            if isDirectory(candidate),
                FileManager.default.fileExists(atPath: directory.appending(path: "Package.swift").path)
            {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        throw DaemonError(
            code: .migrationsNotFound,
            message: "cannot find the migrations (looked in \(installed.path) and the source checkout); "
                + "pass --migrations DIR or set CHANTIER_MIGRATIONS"
        )
    }

    static func currentExecutable() -> URL {
        URL(filePath: "/proc/self/exe").resolvingSymlinksInPath()
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
