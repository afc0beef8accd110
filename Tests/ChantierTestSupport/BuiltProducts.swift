public import Foundation

/// The programs the package builds, next to the test bundle in the build directory.
public enum BuiltProducts {
    public static let directory = URL(filePath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()

    /// The path of the built executable `name` (`chantierd`, `chantierctl`).
    public static func path(of name: String) -> String {
        directory.appending(path: name).path
    }
}
