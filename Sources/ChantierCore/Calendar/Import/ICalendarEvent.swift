/// An event of an iCalendar file (RFC 5545) as a school calendar uses it: its summary, its
/// categories, and its days when it lasts whole days.
public struct ICalendarEvent: Hashable, Sendable {
    /// The line of `BEGIN:VEVENT`.
    public var line: Int
    public var summary: String
    public var categories: [String]
    /// The days of an all-day event (`DTSTART;VALUE=DATE`, `DTEND` exclusive); `nil` for an event
    /// with a time of day.
    public var days: DateRange?
    public var recurs: Bool

    /// The events of `text`: lines unfolded, properties unescaped, everything but `VEVENT`s ignored.
    public static func events(in text: String) throws(ImportRejected) -> [ICalendarEvent] {
        var events: [ICalendarEvent] = []
        var problems: [ImportProblem] = []
        var current: [String: (parameters: String, value: String)]?
        var start = 0
        var sawCalendar = false
        for (number, line) in unfoldedLines(text) {
            let (name, parameters, value) = split(line)
            switch (name, value.uppercased()) {
            case ("BEGIN", "VCALENDAR"):
                sawCalendar = true
            case ("BEGIN", "VEVENT"):
                current = [:]
                start = number
            case ("END", "VEVENT"):
                guard let properties = current else { continue }
                do throws(RecordError) {
                    events.append(try event(properties, line: start))
                } catch {
                    problems.append(ImportProblem(line: start, error))
                }
                current = nil
            default:
                if current != nil && current?[name] == nil { current?[name] = (parameters, value) }
            }
        }
        guard sawCalendar else {
            throw ImportRejected(
                problems: [
                    ImportProblem(line: 1, field: nil, message: "this is not an iCalendar file (no BEGIN:VCALENDAR)")
                ]
            )
        }
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        return events
    }

    private static func event(
        _ properties: [String: (parameters: String, value: String)],
        line: Int
    ) throws(RecordError)
        -> ICalendarEvent
    {
        guard let start = properties["DTSTART"] else { throw RecordError(field: "DTSTART", "the event has no start") }
        var days: DateRange?
        if let first = date(start.value), !start.value.contains("T") {
            var last = first
            if let end = properties["DTEND"] {
                guard let exclusive = date(end.value), exclusive > first else {
                    throw RecordError(field: "DTEND", "\"\(end.value)\" is not a day after the start")
                }
                last = exclusive.adding(days: -1)
            }
            days = DateRange(first, last)
        } else if date(start.value) == nil {
            throw RecordError(field: "DTSTART", "\"\(start.value)\" is not an iCalendar date or date-time")
        }
        return ICalendarEvent(
            line: line,
            summary: unescape(properties["SUMMARY"]?.value ?? ""),
            categories: (properties["CATEGORIES"]?.value ?? "").split(separator: ",").map { unescape(String($0)) },
            days: days,
            recurs: properties["RRULE"] != nil
        )
    }

    /// `YYYYMMDD` or the date of `YYYYMMDDTHHMMSS[Z]`.
    private static func date(_ value: String) -> LocalDate? {
        let digits = value.prefix(8)
        guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard value.count == 8 || value.dropFirst(8).first == "T" else { return nil }
        return LocalDate(
            year: Int(digits.prefix(4))!,
            month: Int(digits.dropFirst(4).prefix(2))!,
            day: Int(digits.suffix(2))!
        )
    }

    /// Lines with their numbers, continuation lines (starting with a space or tab) joined.
    private static func unfoldedLines(_ text: String) -> [(Int, String)] {
        var lines: [(Int, String)] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].1 += raw.dropFirst()
            } else if !raw.isEmpty {
                lines.append((index + 1, String(raw)))
            }
        }
        return lines
    }

    /// `NAME;PARAM=X:value` as (NAME, PARAM=X, value).
    private static func split(_ line: String) -> (String, String, String) {
        guard let colon = line.firstIndex(of: ":") else { return (line.uppercased(), "", "") }
        let head = line[..<colon]
        let name = head.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let parameters = head.dropFirst(name.count)
        return (name.uppercased(), String(parameters), String(line[line.index(after: colon)...]))
    }

    private static func unescape(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result.trimmed
    }
}
