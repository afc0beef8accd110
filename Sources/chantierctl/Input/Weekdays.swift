import ChantierAPI
import Foundation

/// Days of the week as people type them: `mon`, `monday`, `lun`, `lundi` or `1`.
enum Weekdays {
    static func parse(_ text: some StringProtocol) -> Components.Schemas.Weekday? {
        let word = text.lowercased().trimmingCharacters(in: .whitespaces)
        let english = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let french = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"]
        let index =
            english.firstIndex { word.hasPrefix($0) } ?? french.firstIndex { word.hasPrefix($0) }
            ?? Int(word).flatMap { (1...7).contains($0) ? $0 - 1 : nil }
        return index.flatMap { Components.Schemas.Weekday(rawValue: english[$0]) }
    }
}
