import Foundation

/// How much two articles are about the same things: cosine similarity of TF-IDF word vectors built
/// from their prose, title and headings.
public struct Relatedness: Sendable {
    /// Sparse unit vectors, one per article: (word hash, weight), sorted by word hash.
    let vectors: [[(UInt64, Float)]]

    /// Builds the vectors for every article of `site`, on all cores.
    public init(site: Site, tokenizer: Tokenizer) {
        let stopwords = Set(Vocabulary.stopwords.map { Tokenizer.hash($0) })
        let counts: [[UInt64: Int32]] = site.articles.parallelMap { article in
            var tally: [UInt64: Int32] = [:]
            func add(_ bytes: [UInt8], _ range: Range<Int>, times: Int32) {
                tokenizer.forEachWordHash(bytes, in: range) { hash, _, length in
                    guard length > 1, !stopwords.contains(hash) else { return }
                    tally[hash, default: 0] += times
                }
            }
            for range in article.document.spans.map(\.range) + article.linkTextRanges {
                add(article.bytes, range, times: 1)
            }
            let title = Array(article.title.utf8)
            add(title, 0..<title.count, times: 3)
            for heading in article.document.headings {
                let text = Array(heading.text.utf8)
                add(text, 0..<text.count, times: 1)
            }
            return tally
        }
        var frequency: [UInt64: Int32] = [:]
        for tally in counts {
            for hash in tally.keys { frequency[hash, default: 0] += 1 }
        }
        let documentFrequency = frequency
        let total = Double(max(site.articles.count, 1))
        vectors = counts.parallelMap { tally in
            var entries: [(UInt64, Float)] = tally.map { hash, count in
                let idf = log((total + 1) / Double(documentFrequency[hash] ?? 1))
                return (hash, Float((1 + log(Double(count))) * idf))
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
