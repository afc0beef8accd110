import Testing

@testable import ChantierCore

@Suite("Trimming input text")
struct TrimmedTests {
    @Test(arguments: [
        ("2026-01-05", "2026-01-05"),
        ("  09:00\t", "09:00"),
        ("\n", ""),
        ("", ""),
        ("\u{00A0}Éloïse Tremblay\u{2003}", "Éloïse Tremblay"),
        ("a b", "a b"),
        ("x\r\n", "x"),
        ("é", "é"),
        (" \u{1F3E0} ", "\u{1F3E0}"),
    ])
    func leadingAndTrailingWhiteSpaceGoesInsideStays(text: String, expected: String) {
        #expect(text.trimmed == expected)
        #expect(text[...].trimmed == expected)
    }
}
