import ChantierCore
import ChantierPQ

extension SiteWeek {
    /// Reads a row of the site's code, the Monday its week starts and its closure's status
    /// (`open` when it has none).
    init(row: PQRow) throws {
        let (site, start, status) = try row.decode(String.self, LocalDate.self, String.self)
        self.init(
            siteCode: site,
            week: DateRange(start, start.adding(days: 6)),
            status: WeekClosure.Status(rawValue: status) ?? .open
        )
    }
}
