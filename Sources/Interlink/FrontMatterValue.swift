/// A value read from YAML or TOML front matter, kept as plain Sendable Swift data.
public enum FrontMatterValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case number(Double)
    case list([FrontMatterValue])
    case table([String: FrontMatterValue])

    /// The value as text: strings as they are, numbers and booleans written out; nil for lists and tables.
    public var text: String? {
        switch self {
        case .string(let value): return value
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .list, .table: return nil
        }
    }

    /// The value as a boolean: booleans, and the strings `true`/`false`/`yes`/`no`.
    public var bool: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let value):
            switch value.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The value as a list of strings: a list's text items, or a single text value as a one-item list.
    public var strings: [String] {
        switch self {
        case .list(let items): return items.compactMap(\.text)
        default: return text.map { [$0] } ?? []
        }
    }
}
