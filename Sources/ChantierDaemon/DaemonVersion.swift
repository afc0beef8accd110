/// The version of this build of Chantier.
enum DaemonVersion {
    static let string = "0.5.0"
}
