import Foundation

/// A deterministic drawing of an undirected graph: each connected part is laid out with a
/// force-directed (Fruchterman–Reingold) simulation from fixed starting points and a fixed number of
/// steps, the parts are packed in rows, largest first, and nodes with no edge at all go in a grid
/// below them. The same graph always gives the same picture.
struct GraphLayout {
    /// A point in the drawing.
    struct Point: Hashable {
        var x: Double
        var y: Double
    }

    /// Node centres, parallel to the nodes given.
    var positions: [Point]
    /// Width and height of the drawing.
    var width: Double
    var height: Double
    /// Top of the grid of unconnected nodes (nil when there are none).
    var isolatedTop: Double?

    /// Lays out `count` nodes joined by `edges` (pairs of node numbers) in a drawing `width` wide.
    /// `spacing` is about the distance between neighbours; `order` (a key per node) decides the
    /// starting circle, so that related nodes (same folder) start near each other.
    init(count: Int, edges: [(Int, Int)], width: Double, spacing: Double, order: [String]) {
        self.width = width
        positions = Array(repeating: Point(x: 0, y: 0), count: count)
        var neighbours: [Set<Int>] = Array(repeating: [], count: count)
        for (a, b) in edges where a != b {
            neighbours[a].insert(b)
            neighbours[b].insert(a)
        }
        // Connected parts, largest first; ties by their first node's key.
        var part = Array(repeating: -1, count: count)
        var parts: [[Int]] = []
        for start in 0..<count where part[start] < 0 {
            var members = [start]
            part[start] = parts.count
            var head = 0
            while head < members.count {
                for next in neighbours[members[head]].sorted() where part[next] < 0 {
                    part[next] = parts.count
                    members.append(next)
                }
                head += 1
            }
            parts.append(members.sorted { order[$0] < order[$1] })
        }
        let connected = parts.filter { $0.count > 1 }.sorted { ($0.count, order[$1[0]]) > ($1.count, order[$0[0]]) }
        let isolated = parts.filter { $0.count == 1 }.map { $0[0] }.sorted { order[$0] < order[$1] }

        // Pack the connected parts in rows.
        let margin = spacing * 0.9
        var x = margin
        var y = margin
        var rowHeight = 0.0
        for members in connected {
            let local = Self.forceDirected(members: members, neighbours: neighbours)
            // About (1.8 × spacing)² of room per node, in the shape the simulation settled in.
            let factor = members.count == 2 ? 0.8 : (members.count == 3 ? 1.3 : 1.8)
            let area = Double(members.count) * pow(spacing * factor, 2)
            let boxWidth = min(width - 2 * margin, sqrt(area * local.aspect))
            // A part wider than the drawing gets taller instead, up to 1.3 times its width.
            let boxHeight = max(boxWidth / local.aspect, min(area / boxWidth, boxWidth * 1.3))
            if x + boxWidth + spacing * 1.2 > width - margin + 0.5, x > margin {
                x = margin
                y += rowHeight + margin
                rowHeight = 0
            }
            for (node, point) in zip(members, local.points) {
                positions[node] = Point(x: x + point.x * boxWidth, y: y + point.y * boxHeight)
            }
            // Labels are written to the right of the dots: leave them room.
            x += boxWidth + margin + spacing * 1.2
            rowHeight = max(rowHeight, boxHeight)
        }
        y += connected.isEmpty ? 0 : rowHeight + margin
        if !isolated.isEmpty {
            isolatedTop = y
            let cell = spacing * 2.2
            let columns = max(1, Int((width - 2 * margin) / cell))
            for (number, node) in isolated.enumerated() {
                positions[node] = Point(
                    x: margin + cell / 2 + Double(number % columns) * cell,
                    y: y + spacing * 1.1 + Double(number / columns) * spacing * 1.3)
            }
            y += spacing * 1.1 + Double((isolated.count - 1) / columns) * spacing * 1.3 + margin
        }
        height = max(y, spacing * 2)
    }

    /// Fruchterman–Reingold in the unit square, then scaled to fill it. Returns each member's position
    /// (0…1 on both axes) and the width-to-height ratio of the result.
    static func forceDirected(members: [Int], neighbours: [Set<Int>]) -> (points: [Point], aspect: Double) {
        let n = members.count
        // A pair stands upright, so both labels can sit to the right.
        if n == 2 { return ([Point(x: 0.5, y: 0), Point(x: 0.5, y: 1)], 0.5) }
        let local = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        let adjacency = members.map { member in neighbours[member].compactMap { local[$0] }.sorted() }
        // Start on a circle in the members' order, with a small fixed jitter.
        var random = SplitMix(seed: 0x5EED_1A7E + UInt64(n))
        var points = (0..<n).map { index -> Point in
            let angle = 2 * Double.pi * Double(index) / Double(n)
            return Point(
                x: 0.5 + 0.4 * cos(angle) + (random.unit() - 0.5) * 0.02,
                y: 0.5 + 0.4 * sin(angle) + (random.unit() - 0.5) * 0.02)
        }
        let k = 0.9 * sqrt(1.0 / Double(n))
        let iterations = n <= 60 ? 500 : max(120, 30000 / n)
        var temperature = 0.12
        let cooling = temperature / Double(iterations + 1)
        var displacement = Array(repeating: Point(x: 0, y: 0), count: n)
        for _ in 0..<iterations {
            for index in 0..<n { displacement[index] = Point(x: 0, y: 0) }
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var dx = points[i].x - points[j].x
                    var dy = points[i].y - points[j].y
                    var distance = sqrt(dx * dx + dy * dy)
                    if distance < 1e-6 {
                        dx = 1e-3 * Double(i - j)
                        dy = 1e-3
                        distance = sqrt(dx * dx + dy * dy)
                    }
                    let force = k * k / distance
                    displacement[i].x += dx / distance * force
                    displacement[i].y += dy / distance * force
                    displacement[j].x -= dx / distance * force
                    displacement[j].y -= dy / distance * force
                }
            }
            for i in 0..<n {
                for j in adjacency[i] where j > i {
                    let dx = points[i].x - points[j].x
                    let dy = points[i].y - points[j].y
                    let distance = max(sqrt(dx * dx + dy * dy), 1e-6)
                    let force = distance * distance / k
                    displacement[i].x -= dx / distance * force
                    displacement[i].y -= dy / distance * force
                    displacement[j].x += dx / distance * force
                    displacement[j].y += dy / distance * force
                }
                // A little gravity keeps loosely joined nodes from drifting off.
                displacement[i].x -= (points[i].x - 0.5) * 0.08
                displacement[i].y -= (points[i].y - 0.5) * 0.08
            }
            for i in 0..<n {
                let length = max(sqrt(displacement[i].x * displacement[i].x + displacement[i].y * displacement[i].y), 1e-9)
                let step = min(length, temperature)
                points[i].x += displacement[i].x / length * step
                points[i].y += displacement[i].y / length * step
            }
            temperature -= cooling
        }
        // Scale to the unit square, keeping the shape.
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let spanX = max(xs.max()! - xs.min()!, 1e-6)
        let spanY = max(ys.max()! - ys.min()!, 1e-6)
        let aspect = min(max(spanX / spanY, 0.5), 4)
        let normalized = points.map { Point(x: ($0.x - xs.min()!) / spanX, y: ($0.y - ys.min()!) / spanY) }
        return (normalized, aspect)
    }
}

/// A small deterministic random source (SplitMix64), so layouts never depend on the system's generator.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<1.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
