import Testing

@testable import Worker

@Suite("InFlightLimiter")
struct InFlightLimiterTests {
    @Test("admits up to the count limit and resumes a waiter on release")
    func countLimit() async {
        let l = InFlightLimiter(maxCount: 2, maxBytes: 1 << 30)
        await l.acquire(bytes: 1)
        await l.acquire(bytes: 1)
        let waiter = Task { await l.acquire(bytes: 1); return true }
        try? await Task.sleep(for: .milliseconds(50))
        #expect(l.current.count == 2)
        l.release(bytes: 1)
        #expect(await waiter.value)
        #expect(l.current.count == 2)
    }

    @Test("admits a page larger than the byte budget when nothing else is in flight")
    func oversizedAlone() async {
        let l = InFlightLimiter(maxCount: 10, maxBytes: 100)
        await l.acquire(bytes: 1000)
        #expect(l.current.count == 1)
        #expect(l.current.bytes == 1000)
        l.release(bytes: 1000)
        await l.waitUntilIdle()
        #expect(l.current.count == 0)
    }
}
