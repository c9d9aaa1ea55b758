/// Small helpers for writing HTML by hand: escaping, and the style sheet and script of the report.
/// Everything is inline, so the page works offline and from a file.
enum HTML {
    /// Text or attribute value with `&`, `<`, `>`, `"` and `'` escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static let style = """
        :root { --ink: #1e293b; --muted: #64748b; --line: #e2e8f0; --bg: #f8fafc; --card: #ffffff;
          --red: #dc2626; --amber: #d97706; --blue: #2563eb; --purple: #7c3aed; --green: #15803d; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: var(--ink); background: var(--bg); }
        main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }
        header h1 { font-size: 24px; margin: 0 0 4px; }
        header p { margin: 0; color: var(--muted); }
        h2 { font-size: 18px; margin: 32px 0 10px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(128px, 1fr)); gap: 10px; margin-top: 18px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
        .card .value { font-size: 28px; font-weight: 650; line-height: 1.1; }
        .card .label { color: var(--muted); font-size: 12.5px; }
        .card.bad .value { color: var(--red); } .card.warn .value { color: var(--amber); } .card.good .value { color: var(--green); }
        .panel { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
        .todo { list-style: none; margin: 0; padding: 0; }
        .todo li { display: flex; gap: 10px; align-items: baseline; padding: 6px 0; border-bottom: 1px solid var(--line); }
        .todo li:last-child { border-bottom: 0; }
        .todo .count { min-width: 2.5em; text-align: right; font-weight: 650; }
        .todo .rule { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; min-width: 9.5em; }
        .todo .what { color: var(--muted); flex: 1; }
        .sev { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 11.5px; font-weight: 600; color: #fff; }
        .sev.error { background: var(--red); } .sev.warning { background: var(--amber); }
        button.show, .chip { font: inherit; font-size: 12.5px; border: 1px solid var(--line); background: #fff; border-radius: 999px;
          padding: 2px 10px; cursor: pointer; color: var(--ink); }
        .chip.active { background: var(--ink); color: #fff; border-color: var(--ink); }
        .chips { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 10px; }
        .graph-wrap { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 8px; }
        svg.graph { width: 100%; height: auto; display: block; }
        svg.graph text { font-size: 10.5px; fill: #334155; pointer-events: none; }
        svg.graph text.group-caption { font-size: 12px; fill: var(--muted); font-style: italic; }
        svg.graph .edge { stroke: #cbd5e1; }
        svg.graph .edge.broken { stroke: var(--red); stroke-dasharray: 4 3; }
        svg.graph.dense .edge { stroke-opacity: .45; } svg.graph.dense .edge.broken { stroke-opacity: 1; }
        svg.graph circle { stroke: #fff; stroke-width: 1.5; }
        svg.graph circle.normal { fill: #64748b; } svg.graph circle.entry { fill: var(--blue); }
        svg.graph circle.orphan { fill: #f59e0b; } svg.graph circle.deep { fill: #a78bfa; }
        svg.graph circle.draft { fill: #fff; stroke: #94a3b8; stroke-dasharray: 2 2; }
        svg.graph circle.has-broken { stroke: var(--red); stroke-width: 3; }
        svg.graph path.missing { stroke: var(--red); stroke-width: 3; stroke-linecap: round; }
        svg.graph.focus .edge, svg.graph.focus .node { opacity: .15; }
        svg.graph.focus .edge.lit, svg.graph.focus .node.lit { opacity: 1; }
        svg.graph.focus .edge.lit { stroke: var(--ink); }
        .legend { display: flex; flex-wrap: wrap; gap: 16px; margin: 10px 4px 2px; color: var(--muted); font-size: 12.5px; align-items: center; }
        .legend svg { vertical-align: middle; margin-right: 4px; }
        .caption { color: var(--muted); font-size: 12.5px; margin: 6px 4px 0; }
        .bars { display: grid; grid-template-columns: auto 1fr auto; gap: 4px 10px; align-items: center; max-width: 640px; }
        .bar { height: 14px; background: #94a3b8; border-radius: 3px; min-width: 2px; }
        .bar.over { background: #a78bfa; } .bar.none { background: #f59e0b; }
        table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
        th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f1f5f9; font-size: 12.5px; cursor: pointer; user-select: none; white-space: nowrap; }
        th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td .path { color: var(--muted); font-size: 12px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
        td.fix { color: #334155; font-size: 13px; }
        td.rule { white-space: nowrap; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
        tr.hidden { display: none; }
        tr:target { background: #fef9c3; }
        .zero { color: var(--amber); font-weight: 600; }
        footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
        """

    /// Sorting tables by a click on a column head, filtering findings by rule, and lighting up a node's
    /// links in the graph on hover. Plain ES5, no library.
    static let script = """
        (function () {
          function cellValue(row, column, numeric) {
            var cell = row.cells[column];
            var raw = cell.getAttribute('data-sort');
            if (raw === null) { raw = cell.textContent.trim(); }
            if (!numeric) { return raw.toLowerCase(); }
            var number = parseFloat(raw);
            return isNaN(number) ? Number.MAX_VALUE : number;
          }
          var tables = document.querySelectorAll('table.sortable');
          Array.prototype.forEach.call(tables, function (table) {
            var heads = table.tHead.rows[0].cells;
            Array.prototype.forEach.call(heads, function (head, column) {
              head.addEventListener('click', function () {
                var numeric = head.getAttribute('data-type') === 'number';
                var ascending = head.getAttribute('aria-sort') !== 'ascending';
                Array.prototype.forEach.call(heads, function (other) { other.removeAttribute('aria-sort'); });
                head.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = cellValue(a, column, numeric), y = cellValue(b, column, numeric);
                  var order = x < y ? -1 : (x > y ? 1 : 0);
                  return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
          function filter(rule) {
            var rows = document.querySelectorAll('#findings tbody tr');
            Array.prototype.forEach.call(rows, function (row) {
              row.className = (rule === 'all' || row.getAttribute('data-rule') === rule) ? '' : 'hidden';
            });
            Array.prototype.forEach.call(document.querySelectorAll('.chip'), function (chip) {
              chip.className = chip.getAttribute('data-filter') === rule ? 'chip active' : 'chip';
            });
          }
          Array.prototype.forEach.call(document.querySelectorAll('[data-filter]'), function (button) {
            button.addEventListener('click', function () {
              filter(button.getAttribute('data-filter'));
              if (button.className.indexOf('show') >= 0) { document.getElementById('findings-section').scrollIntoView(); }
            });
          });
          var svg = document.querySelector('svg.graph');
          var edges = svg ? svg.querySelectorAll('.edge') : [];
          var base = svg ? svg.getAttribute('class') : '';
          function light(id) {
            svg.setAttribute('class', base + ' focus');
            var lit = {};
            lit[id] = true;
            Array.prototype.forEach.call(edges, function (edge) {
              var on = edge.getAttribute('data-s') === id || edge.getAttribute('data-t') === id;
              edge.setAttribute('class', edge.getAttribute('class').replace(' lit', '') + (on ? ' lit' : ''));
              if (on) { lit[edge.getAttribute('data-s')] = true; lit[edge.getAttribute('data-t')] = true; }
            });
            Array.prototype.forEach.call(svg.querySelectorAll('.node'), function (node) {
              node.setAttribute('class', lit[node.getAttribute('data-id')] ? 'node lit' : 'node');
            });
          }
          function clear() {
            svg.setAttribute('class', base);
            Array.prototype.forEach.call(edges, function (edge) {
              edge.setAttribute('class', edge.getAttribute('class').replace(' lit', ''));
            });
            Array.prototype.forEach.call(svg.querySelectorAll('.node'), function (node) { node.setAttribute('class', 'node'); });
          }
          if (svg) {
            Array.prototype.forEach.call(svg.querySelectorAll('.node'), function (node) {
              node.addEventListener('mouseenter', function () { light(node.getAttribute('data-id')); });
              node.addEventListener('mouseleave', clear);
            });
          }
          // Tells a headless check that the script ran to the end.
          document.documentElement.setAttribute('data-report', 'ready');
        })();
        """
}
