import Foundation

/// The repository's Swift sources, for tests that check rules about how the code is written.
public enum SourceFiles {
    /// Every `.swift` file under `folder` (relative to the repository), with its path and text.
    public static func swift(under folder: String) throws -> [(path: String, text: String)] {
        let root = TestDatabases.repositoryRoot
        let base = root.appending(path: folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return try walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.map { url in
            (String(url.path.dropFirst(root.path.count + 1)), try String(contentsOf: url, encoding: .utf8))
        }
    }
}
