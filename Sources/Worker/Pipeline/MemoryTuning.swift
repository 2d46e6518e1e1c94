/// glibc allocator settings for a long-running worker that extracts large pages on several threads.
///
/// By default glibc gives every thread its own malloc arena (up to 8 per core) and keeps freed
/// memory in them, so the resident size of a worker that handles a backlog of multi-megabyte pages
/// ratchets up with each page even though the live data is bounded. Worse, glibc raises its mmap
/// threshold each time a large block is freed, so multi-megabyte page buffers soon come from the
/// heap instead of mmap and stay resident after they are freed. A fixed mmap threshold, two arenas
/// and a periodic trim keep RSS close to the live data.
///
/// The threshold is 16 MiB, twice the largest fetch response the consumer asks for (8 MiB by
/// default). librdkafka receives each fetch response into one buffer of the response's size; with
/// a 1 MiB threshold every response was a fresh mapping, and the kernel faulted and zeroed each of
/// its pages while copying the socket into it: about 2 % of the worker's CPU, 216,000 page faults
/// for 6,000 pages of 95 KB. From the heap the buffers are reused: 69,000 faults, and peak RSS
/// under the 2 MB-page backlog of `scripts/bench` went from 168 MB to 180 MB.
enum MemoryTuning {
    /// Limits malloc arenas; call once at start, before the extraction threads exist.
    static func configure() {
        #if os(Linux)
        _ = glibc_mallopt(mArenaMax, 2)
        _ = glibc_mallopt(mMmapThreshold, 16 << 20)
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
