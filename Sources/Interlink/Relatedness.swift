import Foundation

/// How much two articles are about the same things: cosine similarity of TF-IDF word vectors built
/// from their prose, title and headings.
public struct Relatedness: Sendable {
    /// Sparse unit vectors, one per article: (word id, weight), sorted by word id.
    let vectors: [[(Int32, Float)]]

    /// Builds the vectors for every article of `site`.
    public init(site: Site, tokenizer: Tokenizer) {
        var wordIDs: [String: Int32] = [:]
        var counts: [[Int32: Int]] = []
        var documentFrequency: [Int32: Int] = [:]
        for article in site.articles {
            var tally: [Int32: Int] = [:]
            func add(_ keys: [String], times: Int) {
                for key in keys where !Vocabulary.stopwords.contains(key) && key.unicodeScalars.count > 1 {
                    let id: Int32
                    if let known = wordIDs[key] {
                        id = known
                    } else {
                        id = Int32(wordIDs.count)
                        wordIDs[key] = id
                    }
                    tally[id, default: 0] += times
                }
            }
            for range in article.document.spans.map(\.range) + article.linkTextRanges {
                add(tokenizer.tokens(article.bytes, in: range).map(\.key), times: 1)
            }
            add(tokenizer.keys(article.title), times: 3)
            for heading in article.document.headings { add(tokenizer.keys(heading.text), times: 1) }
            for id in tally.keys { documentFrequency[id, default: 0] += 1 }
            counts.append(tally)
        }
        let total = Double(max(site.articles.count, 1))
        vectors = counts.map { tally in
            var entries: [(Int32, Float)] = tally.map { id, count in
                let idf = log((total + 1) / Double(documentFrequency[id] ?? 1))
                return (id, Float((1 + log(Double(count))) * idf))
            }
            let norm = sqrt(entries.reduce(Float(0)) { $0 + $1.1 * $1.1 })
            if norm > 0 { entries = entries.map { ($0.0, $0.1 / norm) } }
            return entries.sorted { $0.0 < $1.0 }
        }
    }

    /// Cosine similarity of two articles, 0…1.
    public func similarity(_ first: Int, _ second: Int) -> Double {
        let a = vectors[first]
        let b = vectors[second]
        var i = 0
        var j = 0
        var sum: Float = 0
        while i < a.count, j < b.count {
            if a[i].0 == b[j].0 {
                sum += a[i].1 * b[j].1
                i += 1
                j += 1
            } else if a[i].0 < b[j].0 {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(sum)
    }
}
