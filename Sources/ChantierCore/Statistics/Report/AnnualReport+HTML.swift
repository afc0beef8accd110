/// The report as one self-contained HTML page: inline styles and SVG charts, no script and no
/// external asset, laid out to print on A4 or Letter.
extension AnnualReport {
    public var html: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(programName)) — \(year) annual report</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <header>
        <h1>\(Self.escape(programName))</h1>
        <p class="subtitle">Annual report \(year) · program <code>\(Self.escape(programCode))</code> · \
        produced on \(generatedOn) by Chantier</p>
        \(suppressionNote)
        </header>
        <section aria-label="key figures"><h2>Key figures</h2><div class="figures">\(keyFigures)</div></section>
        <section><h2>Approved hours by month</h2>\(monthChart)</section>
        <section><h2>Approved hours by season</h2>\(seasonChart)</section>
        <section><h2>\(Self.escape(outcomes.statistic.title))</h2>\(Self.table(outcomes))</section>
        <section><h2>Participation</h2>\(Self.table(participation))</section>
        <section class="definitions"><h2>Definitions</h2>\(definitions)</section>
        </body>
        </html>

        """
    }

    private var suppressionNote: String {
        guard let threshold = outcomes.threshold else {
            return "<p class=\"warning\">Not for sharing: small counts are shown. Make a shareable report to send "
                + "outside the organisation.</p>"
        }
        return "<p class=\"note\">Shareable: counts below \(threshold), the figures computed from them and the "
            + "figures that would let them be recomputed are shown as “&lt;\(threshold)”.</p>"
    }

    private var keyFigures: String {
        var figures: [(String, StatisticTable, String)] = [
            ("participants", hoursByMonth, "participants who worked"),
            ("minutes", hoursByMonth, "approved hours"),
            ("hours_per_participant", hoursByMonth, "hours per participant"),
            ("active_per_week", participation, "active participants per week"),
            ("share_at_target", participation, "weeks at the program's target"),
            ("no_show_rate", participation, "no-show rate"),
        ]
        switch outcomes.statistic {
        case .returnToSchool:
            figures += [
                ("active", outcomes, "youth active in the school year"),
                ("share_in_school", outcomes, "in school the next school year"),
                ("share_diploma_college", outcomes, "obtained a college diploma"),
            ]
        default:
            figures += [
                ("exits", outcomes, "adults who worked and left"),
                ("share_returned", outcomes, "returned to work or training"),
            ]
        }
        return figures.map { key, table, label in
            let value = table.cell(key, keys: nil)?.display ?? ""
            return "<div class=\"figure\"><span class=\"value\">\(Self.escape(value.isEmpty ? "—" : value))</span>"
                + "<span class=\"label\">\(Self.escape(label))</span></div>"
        }.joined()
    }

    private var monthChart: String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let bars = names.enumerated().map { index, name in
            let key = "\(year)-" + (index < 9 ? "0" : "") + "\(index + 1)"
            return (name, hoursByMonth.cell("minutes", keys: [key]) ?? .hours(0))
        }
        return Self.barChart(bars, caption: "Approved hours by month, \(year)")
    }

    private var seasonChart: String {
        let bars = ["school-period", "holidays", "summer"].map { season in
            (season.replacingHyphens, hoursBySeason.cell("minutes", keys: [season]) ?? .hours(0))
        }
        return Self.barChart(bars, caption: "Approved hours by season, \(year)")
    }

    private var definitions: String {
        [hoursByMonth, participation, outcomes].map { table in
            "<h3>\(Self.escape(table.statistic.title))</h3><p>\(Self.escape(table.statistic.definition))</p>"
                + "<p class=\"parameters\">"
                + table.parameters.map { "\(Self.escape($0.name)): \(Self.escape($0.value))" }.joined(separator: " · ")
                + "</p>"
        }.joined()
    }

    /// Vertical bars with their values above; hidden values are drawn as an outline marked "<5".
    static func barChart(_ bars: [(label: String, cell: StatisticTable.Cell)], caption: String) -> String {
        let width = 640
        let height = 240
        let top = 24
        let bottom = 28
        let slot = Double(width) / Double(max(1, bars.count))
        let largest = max(1, bars.compactMap { $0.cell.number }.max() ?? 1)
        var shapes: [String] = []
        for (index, bar) in bars.enumerated() {
            let x = Double(index) * slot + slot * 0.15
            let barWidth = slot * 0.7
            let plot = Double(height - top - bottom)
            let label =
                "<text x=\"\(x + barWidth / 2)\" y=\"\(height - 8)\" text-anchor=\"middle\">\(escape(bar.label))</text>"
            if let value = bar.cell.number {
                let barHeight = plot * value / largest
                let y = Double(height - bottom) - barHeight
                shapes.append(
                    "<rect class=\"bar\" x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(barHeight)\"/>"
                        + "<text x=\"\(x + barWidth / 2)\" y=\"\(y - 6)\" text-anchor=\"middle\">"
                        + "\(escape(bar.cell.display))</text>" + label
                )
            } else {
                let y = Double(height - bottom) - 18
                shapes.append(
                    "<rect class=\"hidden\" x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"18\"/>"
                        + "<text x=\"\(x + barWidth / 2)\" y=\"\(y - 6)\" text-anchor=\"middle\">"
                        + "\(escape(bar.cell.display))</text>" + label
                )
            }
        }
        return """
            <figure><svg viewBox="0 0 \(width) \(height)" role="img" aria-label="\(escape(caption))" \
            xmlns="http://www.w3.org/2000/svg">\(shapes.joined())\
            <line x1="0" y1="\(height - bottom)" x2="\(width)" y2="\(height - bottom)" class="axis"/></svg>\
            <figcaption>\(escape(caption))</figcaption></figure>
            """
    }

    static func table(_ table: StatisticTable) -> String {
        let head = table.columns.map { "<th>\(escape($0.label))</th>" }.joined()
        let rows = (table.rows.indices.map { Optional($0) } + [nil]).map { index in
            let cells = table.cells(row: index).map { cell in
                if case .text(let text) = cell { return "<th scope=\"row\">\(escape(text))</th>" }
                return "<td>\(escape(cell.display))</td>"
            }
            return "<tr\(index == nil ? " class=\"total\"" : "")>\(cells.joined())</tr>"
        }
        return "<table><thead><tr>\(head)</tr></thead><tbody>\(rows.joined())</tbody></table>"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static let style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1d2a33;max-width:60rem;margin:2rem auto;padding:0 1rem;\
        line-height:1.4}h1{margin-bottom:0;color:#114b5f}h2{color:#114b5f;border-bottom:2px solid #c5d8e0;\
        padding-bottom:.2rem;margin-top:2rem}.subtitle{color:#55656f;margin-top:.2rem}.note,.warning{padding:.5rem .8rem;\
        border-radius:4px}.note{background:#eef5f8}.warning{background:#fdecea}.figures{display:grid;\
        grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.8rem}.figure{border:1px solid #c5d8e0;\
        border-radius:6px;padding:.6rem}.figure .value{display:block;font-size:1.6rem;font-weight:bold;color:#114b5f}\
        .figure .label{font-size:.85rem;color:#55656f}figure{margin:0}svg{width:100%;height:auto;font-size:12px}\
        .bar{fill:#1a7f9c}.hidden{fill:none;stroke:#1a7f9c;stroke-dasharray:4 3}.axis{stroke:#55656f}\
        figcaption{font-size:.85rem;color:#55656f}table{border-collapse:collapse;width:100%;font-size:.85rem}\
        th,td{border-bottom:1px solid #dde7ec;padding:.25rem .4rem;text-align:right}thead th{text-align:right;\
        vertical-align:bottom}th[scope=row]{text-align:left}tr.total{font-weight:bold}.definitions p{font-size:.9rem}\
        .parameters{color:#55656f}@media print{body{margin:0;max-width:none}section{break-inside:avoid}\
        .figure{break-inside:avoid}}@page{margin:1.5cm}
        """
}

extension String {
    fileprivate var replacingHyphens: String {
        String(map { $0 == "-" ? " " : $0 })
    }
}
