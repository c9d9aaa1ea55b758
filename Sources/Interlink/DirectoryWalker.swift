import Foundation

/// Lists Markdown files under a folder with `readdir`, using the entry type it reports so that no
/// file needs a `stat` (only symbolic links and file systems that do not report types do).
enum DirectoryWalker {
    /// Relative paths (from `root`) of the Markdown files under `root/start`, skipping hidden entries
    /// and folders named in `ignored`. Symbolic links to files are listed; links to folders are not followed.
    static func markdownFiles(root: String, start: String, ignored: Set<String>) -> [String] {
        var result: [String] = []
        var pending = [start]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                guard !name.hasPrefix(".") else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(folder + "/" + name, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((info.st_mode & S_IFMT) == S_IFLNK ? Int32(DT_LNK) : Int32(DT_REG))
                }
                if type == Int32(DT_DIR) {
                    if !ignored.contains(name) { pending.append(path) }
                    continue
                }
                guard ArticlePath.isMarkdown(name) else { continue }
                if type == Int32(DT_LNK) {
                    // Read through a link to a file; skip a link to a folder. A link to nothing (dangling, or a
                    // loop) is listed, so that reading it reports the error with the file's name.
                    var info = stat()
                    if stat(folder + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { continue }
                } else if type != Int32(DT_REG) {
                    continue
                }
                result.append(path)
            }
        }
        return result
    }
}
