/// Recognises the first line of a link reference definition: `[label]: destination`.
enum LinkReferenceDefinition {
    static func matches(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        var indent = 0
        while index < line.endIndex, line[index] == 0x20, indent < 4 {
            index += 1
            indent += 1
        }
        guard index < line.endIndex, line[index] == UInt8(ascii: "["), indent < 4 else { return false }
        index += 1
        let labelStart = index
        while index < line.endIndex, line[index] != UInt8(ascii: "]") {
            if line[index] == UInt8(ascii: "[") { return false }
            index += 1
        }
        guard index > labelStart, index + 1 < line.endIndex, line[index + 1] == UInt8(ascii: ":") else { return false }
        index += 2
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        return index < line.endIndex
    }
}
