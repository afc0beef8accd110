public import Prometheus

/// The daemon's metrics registry: `main` bootstraps swift-metrics with it, `GET /metrics` prints it.
public enum DaemonMetrics {
    public static let registry = PrometheusCollectorRegistry()
}
