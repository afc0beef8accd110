import ArgumentParser
import ChantierDaemon
import Logging
import Metrics
import Prometheus

@main
enum Chantierd {
    static func main() async {
        LoggingSystem.bootstrap(DaemonLogging.makeHandler)
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: DaemonMetrics.registry))
        await ChantierdCommand.main()
    }
}
