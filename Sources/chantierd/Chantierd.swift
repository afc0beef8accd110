import ArgumentParser
import ChantierDaemon
import Logging

@main
enum Chantierd {
    static func main() async {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        await ChantierdCommand.main()
    }
}
