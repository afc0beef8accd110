/// A school calendar from an iCalendar file (`.ics`), as school boards and calendar applications
/// export them. Days with educational service are Monday to Friday from the first to the last day
/// of classes, minus the days of every all-day event, which are read by their summary:
///
/// - "pas de classe", "no class", "no school", a pedagogical day, a holiday, a break: no class;
/// - "premier jour de classe", "rentrée", "first day of school": the first day of classes, if not given;
/// - "dernier jour de classe", "fin des classes", "last day of school": the last day of classes and
///   the end of the school year, if not given;
/// - another summary with "classe" or "class" ("jour de classe", "class day"): a day with classes;
/// - "vacances" or "holidays" (France): a school-holiday period, named by its summary;
/// - "férié", "public holiday": a public holiday, without classes.
///
/// Events with a time of day (a parents' evening) change nothing.
public enum SchoolCalendarICS {
    public static func content(
        of text: String,
        firstDay: LocalDate? = nil,
        lastDay: LocalDate? = nil,
        knownRange: DateRange? = nil,
        needsClassDays: Bool
    ) throws(ImportRejected) -> SchoolCalendarContent {
        let events = try ICalendarEvent.events(in: text)
        var problems: [ImportProblem] = []
        var first = firstDay
        var last = lastDay
        var noClass: Set<LocalDate> = []
        var extraClass: Set<LocalDate> = []
        var holidays: [HolidayPeriod] = []
        var publicHolidays: [LocalDate: String] = [:]
        for event in events {
            guard let days = event.days else { continue }
            if event.recurs {
                problems.append(
                    ImportProblem(
                        line: event.line,
                        field: "RRULE",
                        message: "repeating all-day events are not supported; export each occurrence"
                    )
                )
                continue
            }
            switch Meaning(of: event) {
            case .firstDay: first = first ?? days.first
            case .lastDay: last = last ?? days.last
            case .classDay: extraClass.formUnion(days)
            case .noClass: noClass.formUnion(days)
            case .holiday:
                holidays.append(HolidayPeriod(name: event.summary, days: days))
                noClass.formUnion(days)
            case .publicHoliday:
                for day in days { publicHolidays[day] = event.summary }
                noClass.formUnion(days)
            }
        }
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        var classDays: [LocalDate: ClassHours?] = [:]
        if let first, let last {
            guard first <= last else {
                throw ImportRejected(
                    problems: [
                        ImportProblem(
                            line: 1,
                            field: "last_day",
                            message: "the last day of classes \(last) is before the first \(first)"
                        )
                    ]
                )
            }
            for day in DateRange(first, last) where day.weekday.isWeekday && !noClass.contains(day) {
                classDays[day] = .some(nil)
            }
        } else if needsClassDays {
            throw ImportRejected(
                problems: [
                    ImportProblem(
                        line: 1,
                        field: "first_day",
                        message:
                            "the file does not say when classes start and end; give the first and last days of classes"
                    )
                ]
            )
        }
        for day in extraClass { classDays[day] = .some(nil) }
        let dates = [first, last].compactMap { $0 } + events.compactMap { $0.days }.flatMap { [$0.first, $0.last] }
        guard let earliest = dates.min(), let latest = dates.max() else {
            throw ImportRejected(problems: [
                ImportProblem(line: 1, field: nil, message: "the file has no all-day event")
            ])
        }
        return SchoolCalendarContent(
            knownRange: knownRange ?? SchoolCalendarContent.defaultRange(first: earliest, last: latest),
            classDays: classDays,
            schoolYearLastDays: last.map { [$0] } ?? [],
            holidayPeriods: holidays,
            publicHolidays: publicHolidays
        )
    }

    enum Meaning {
        case firstDay, lastDay, classDay, noClass, holiday, publicHoliday

        init(of event: ICalendarEvent) {
            let text = ([event.summary] + event.categories).joined(separator: " ").folded
            func has(_ words: String...) -> Bool { words.contains { text.contains($0) } }
            if has("pas de classe", "no class", "no school", "sans classe") {
                self = .noClass
            } else if has("ferie", "public holiday", "statutory holiday", "jour de l'an", "fete nationale") {
                self = .publicHoliday
            } else if has(
                "premier jour de classe",
                "rentree",
                "first day of school",
                "first day of class",
                "debut des classes"
            ) {
                self = .firstDay
            } else if has("dernier jour de classe", "fin des classes", "last day of school", "last day of class") {
                self = .lastDay
            } else if has("vacances", "holidays") {
                self = .holiday
            } else if has("pedagogique", "conge", "relache", "break", "holiday") {
                self = .noClass
            } else if has("classe", "class") {
                self = .classDay
            } else {
                self = .noClass
            }
        }
    }
}

extension String {
    /// Lower case without the accents of French, for matching words people write with or without them.
    var folded: String {
        var result = ""
        for character in lowercased() {
            switch character {
            case "à", "â", "ä", "á": result += "a"
            case "ç": result += "c"
            case "é", "è", "ê", "ë": result += "e"
            case "î", "ï", "í": result += "i"
            case "ô", "ö", "ó": result += "o"
            case "ù", "û", "ü", "ú": result += "u"
            case "ÿ": result += "y"
            case "œ": result += "oe"
            case "æ": result += "ae"
            case "’": result += "'"
            default: result.append(character)
            }
        }
        return result
    }
}
