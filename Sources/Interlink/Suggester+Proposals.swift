extension Suggester {
    /// Links the suggester proposes into and out of chosen articles, computed in one pass over the site.
    public struct Proposals: Sendable {
        /// Per target: the links other articles should add to it, best first (as `suggest --inbound`).
        public var inbound: [Int: [Suggestion]] = [:]
        /// Per source: the links it should add, best first (as `suggest`).
        public var outbound: [Int: [Suggestion]] = [:]
    }

    /// The best `limit` links into each of `targets` and out of each of `sources`. Inbound links use the
    /// threshold `suggest --inbound` uses (halved unless a minimum score is given); outbound links the
    /// one `suggest` uses. The linking policy (one link per target, cap, sentences) applies to both.
    public func proposals(inboundTo targets: Set<Int>, outboundFrom sources: Set<Int>, limit: Int) -> Proposals {
        var result = Proposals()
        guard !targets.isEmpty || !sources.isEmpty else { return result }
        let table = mentionTable()
        var all = candidates(table)
        let threshold = chooseThreshold(all, table: table).0
        let inboundThreshold = options.minimumScore ?? threshold / 2
        if !options.rejectedIDs.isEmpty {
            for source in all.indices {
                let article = site.articles[source]
                all[source].removeAll { candidate in
                    options.rejectedIDs.contains(
                        Suggestion.id(
                            source: article.path, target: site.articles[candidate.target].path,
                            anchor: article.text(candidate.mention.range)))
                }
            }
        }
        for source in sources.sorted() {
            let chosen = select(all[source], in: site.articles[source], minimumScore: threshold)
            result.outbound[source] = Array(chosen.map(makeSuggestion).sorted(by: Self.bestFirst).prefix(limit))
        }
        guard !targets.isEmpty else { return result }
        var perTarget: [Int: [Suggestion]] = [:]
        for source in all.indices {
            let grouped = Dictionary(grouping: all[source].filter { targets.contains($0.target) }, by: \.target)
            for (target, candidates) in grouped {
                perTarget[target, default: []] += select(
                    candidates, in: site.articles[source], minimumScore: inboundThreshold
                ).map(makeSuggestion)
            }
        }
        for target in targets {
            result.inbound[target] = Array((perTarget[target] ?? []).sorted(by: Self.bestFirst).prefix(limit))
        }
        return result
    }

    /// Highest score first; ties by source path, then position.
    static func bestFirst(_ a: Suggestion, _ b: Suggestion) -> Bool {
        (a.score, b.source, b.offset) > (b.score, a.source, a.offset)
    }
}
