/// A growable buffer of records for ``DocumentBuilder`` (its node records and its stacks of open
/// elements): an append is a capacity check and a store, and a record is read or updated in place
/// through ``base`` (a Swift array checked uniqueness and bounds at every append, removal and
/// update, several times per SAX event).
///
/// Meant for plain records (integers, enums): the elements are not deinitialised one by one.
final class ScratchStack<Element> {
    /// The first record; valid until the next append (which may move the records).
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` records (at least 16).
    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { @inline(__always) get { count == 0 } }

    /// The last record (the buffer must not be empty).
    var last: Element {
        @inline(__always) get {
            assert(count > 0, "last of an empty ScratchStack")
            return base[count &- 1]
        }
    }

    /// Appends `element`; returns its index.
    @inline(__always) @discardableResult
    func append(_ element: Element) -> Int {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count &+= 1
        return count &- 1
    }

    /// Appends all the records of `other`.
    @inline(__always)
    func append(contentsOf other: ScratchStack<Element>) {
        let n = other.count
        while count &+ n > capacity { grow() }
        (base + count).initialize(from: other.base, count: n)
        count &+= n
    }

    /// Removes and returns the last record (the buffer must not be empty).
    @inline(__always) @discardableResult
    func removeLast() -> Element {
        assert(count > 0, "removeLast of an empty ScratchStack")
        count &-= 1
        return base[count]
    }

    /// Empties the buffer (keeping its room).
    @inline(__always)
    func removeAll() { count = 0 }

    private func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
