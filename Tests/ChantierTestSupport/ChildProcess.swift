public import Foundation
import Glibc

/// Runs programs from tests and waits for them without blocking Swift's cooperative threads.
///
/// Foundation's `Process` learns of a child's exit through a descriptor the child inherits, so a
/// program that leaves a daemon behind (`pg_ctl start`, `setsid -f`) never "exits" for it. This
/// spawns with `posix_spawn`, closes every descriptor above 2 in the child, and waits with
/// `waitpid` on a thread of its own.
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        /// Standard output and standard error, interleaved.
        public var output: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var command: String
        public var result: Result
        public var description: String { "\(command) exited with \(result.status):\n\(result.output)" }
    }

    /// Runs `executable` with `arguments` (and `environment`, else this process's) and returns
    /// its exit status (128 + the signal if a signal ended it) and output.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil
    ) async throws -> Result {
        let outputPath = NSTemporaryDirectory() + "chantier-child-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        let pid = try spawn(executable, arguments, environment: environment, outputPath: outputPath)
        let status = await waitForExit(pid)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return Result(status: status, output: output)
    }

    /// Runs the command and throws ``Failure`` unless it exits with 0.
    @discardableResult
    public static func check(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil
    ) async throws -> String {
        let result = try await run(executable, arguments, environment: environment)
        guard result.status == 0 else {
            throw Failure(command: ([executable] + arguments).joined(separator: " "), result: result)
        }
        return result.output
    }

    /// A program started with ``start(_:_:environment:outputPath:)`` that keeps running.
    public final class Running: Sendable {
        public let pid: pid_t
        /// The file the program's standard output and error go to.
        public let outputPath: String
        private let exit: Task<Int32, Never>

        init(pid: pid_t, outputPath: String) {
            self.pid = pid
            self.outputPath = outputPath
            exit = Task { await ChildProcess.waitForExit(pid) }
        }

        public func signal(_ signal: Int32) {
            kill(pid, signal)
        }

        /// Whether the program still runs.
        public var isRunning: Bool { kill(pid, 0) == 0 }

        /// Waits for the program to end; its exit status, or 128 + the signal that ended it.
        public func waitForExit() async -> Int32 {
            await exit.value
        }

        public var output: String {
            (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        }
    }

    /// Starts `executable` without waiting for it; its output goes to `outputPath`.
    public static func start(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil,
        outputPath: String
    ) throws -> Running {
        Running(
            pid: try spawn(executable, arguments, environment: environment, outputPath: outputPath),
            outputPath: outputPath
        )
    }

    /// Starts `executable` with its output appended to `outputPath`; returns its pid.
    static func spawn(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]?,
        outputPath: String
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        for descriptor in openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid = pid_t()
        let error = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard error == 0 else {
            throw Failure(
                command: executable,
                result: Result(status: -1, output: "cannot start \(executable): \(String(cString: strerror(error)))")
            )
        }
        return pid
    }

    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }

    /// Waits for `pid` to exit on a dedicated thread; returns its exit status, or 128 + signal.
    static func waitForExit(_ pid: pid_t) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                let signal = status & 0x7f
                continuation.resume(returning: signal == 0 ? (status >> 8) & 0xff : 128 + signal)
            }
        }
    }
}
