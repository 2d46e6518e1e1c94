/// glibc allocator settings for a long-running worker that extracts large pages on several threads.
///
/// By default glibc gives every thread its own malloc arena (up to 8 per core) and keeps freed
/// memory in them, so the resident size of a worker that handles a backlog of multi-megabyte pages
/// ratchets up with each page even though the live data is bounded. Worse, glibc raises its mmap
/// threshold each time a large block is freed, so multi-megabyte page buffers soon come from the
/// heap instead of mmap and stay resident after they are freed. A fixed mmap threshold (1 MiB: a
/// page buffer is mapped and unmapped as a whole), two arenas and a periodic trim keep RSS close to
/// the live data.
enum MemoryTuning {
    /// Limits malloc arenas; call once at start, before the extraction threads exist.
    static func configure() {
        #if os(Linux)
        _ = glibc_mallopt(mArenaMax, 2)
        _ = glibc_mallopt(mMmapThreshold, 1 << 20)
        _ = glibc_mallopt(mTrimThreshold, 8 << 20)
        #endif
    }

    /// Returns freed heap memory to the operating system.
    static func returnFreeMemory() {
        #if os(Linux)
        _ = glibc_malloc_trim(0)
        #endif
    }

    /// `M_ARENA_MAX` from <malloc.h> (not exported by Swift's Glibc module).
    private static let mArenaMax: Int32 = -8
    /// `M_MMAP_THRESHOLD` (setting it also turns off glibc's dynamic threshold).
    private static let mMmapThreshold: Int32 = -3
    /// `M_TRIM_THRESHOLD`.
    private static let mTrimThreshold: Int32 = -1
}

#if os(Linux)
// <malloc.h> is not part of Swift's Glibc module map; these are plain C functions of glibc.
@_silgen_name("mallopt") private func glibc_mallopt(_ parameter: Int32, _ value: Int32) -> Int32
@_silgen_name("malloc_trim") private func glibc_malloc_trim(_ pad: Int) -> Int32
#endif
