/// The short codes of reference rows (sectors, sites, programs…): lower-case letters and digits
/// in words joined by dashes, at most 64 characters (`adelard-dugre`). The database checks the
/// same rule (`chantier_code`).
public enum ReferenceCode {
    public static func isValid(_ code: String) -> Bool {
        let words = code.split(separator: "-", omittingEmptySubsequences: false)
        return code.count <= 64 && !words.isEmpty
            && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
    }

    /// What a valid code looks like, for messages.
    public static let rule = "lower-case letters and digits in words joined by dashes, such as adelard-dugre"
}
