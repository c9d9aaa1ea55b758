/// Language tags as sites write them in file names (`about.fr.md`), folders (`zh-cn/guide/`), generator
/// settings (`[languages.pt-br]`) and front matter (`lang: de`).
public enum LanguageTag {
    /// The ISO 639-1 codes: a file-name suffix or a folder named with one of these may be a translation.
    /// A folder or suffix is taken for a language only when it mirrors other files (`SiteLanguages`):
    /// `ml/` or `it/` in a site about machine learning or IT is not one.
    static let isoCodes: Set<String> = [
        "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi",
        "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv",
        "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd",
        "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig",
        "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko",
        "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh",
        "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr",
        "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru",
        "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su",
        "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug",
        "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
    ]

    /// `text` as a language tag, lower case with `-` between its parts (`pt_BR` → `pt-br`), when it is
    /// one: a primary language of two or three letters, then parts of two to eight letters or digits
    /// (`zh-hant-tw`). With `knownPrimary`, the primary language must be an ISO 639-1 code.
    public static func normalized(_ text: some StringProtocol, knownPrimary: Bool = false) -> String? {
        let lowered = text.lowercased().replacingOccurrences(of: "_", with: "-")
        let parts = lowered.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
            primary.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
        else { return nil }
        if knownPrimary, !isoCodes.contains(String(primary)) { return nil }
        for part in parts.dropFirst() {
            guard (2...8).contains(part.count),
                part.utf8.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) })
            else { return nil }
        }
        return lowered
    }

    /// Whether `text` may start with an ISO 639-1 code followed by a region or the end of a path segment
    /// (two letters, then `/`, `-`, `_` or `.`): a check on two or three bytes, before `normalized`.
    @inline(__always)
    static func mayStartWithCode(_ text: String.UTF8View) -> Bool {
        var bytes = text.makeIterator()
        guard let first = bytes.next(), let second = bytes.next(), let third = bytes.next() else { return false }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        return isLetter(first) && isLetter(second)
            && [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")].contains(third)
    }

    /// The language suffix of a file name's stem (`about.fr` → (`about`, `fr`)), when the part after its
    /// last dot is a tag whose primary language is an ISO 639-1 code.
    static func suffix(ofStem stem: String) -> (stem: String, tag: String)? {
        guard let dot = stem.lastIndex(of: "."), dot != stem.startIndex else { return nil }
        guard let tag = normalized(stem[stem.index(after: dot)...], knownPrimary: true) else { return nil }
        return (String(stem[..<dot]), tag)
    }
}
