public import Foundation

/// A directory of its own under the system's temporary directory, removed when the value goes
/// away: a suite keeps one as a stored property and gets a fresh directory for every test.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init(_ prefix: String) throws {
        url = URL(filePath: NSTemporaryDirectory()).appending(path: "\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
