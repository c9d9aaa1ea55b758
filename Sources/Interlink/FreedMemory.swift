#if canImport(Glibc)
import Glibc

@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Hands the pages of freed heap memory back to the system.
///
/// A stage that builds large temporary values (the topic index, the relatedness vectors) frees them in
/// many small pieces, which glibc keeps as resident free lists; later stages allocate differently
/// shaped values, so without this the process's resident set keeps those pages on top of what it
/// holds. Costs a walk of the free lists; does nothing outside glibc.
enum FreedMemory {
    static func release() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}
