extension HTMLDocument {
    // MARK: Elements inside a node, without the list

    /// The position in the tag index of `tag`'s first element after `ancestor`'s start, and the
    /// end of `ancestor`'s subtree (``elements(_:in:)``'s binary search).
    @inline(__always)
    func firstIndexedElement(_ tag: HTMLTag, in ancestor: NodeID) -> (list: [Int32], at: Int, end: Int32) {
        let list = byTag[Int(tag.rawValue)]
        let lo = Int32(ancestor.index + 1), hi = ends[ancestor.index]
        var a = 0, b = list.count
        while a < b { let m = (a + b) / 2; if list[m] < lo { a = m + 1 } else { b = m } }
        return (list, a, hi)
    }

    /// Whether an element with `tag` lies inside `ancestor`: `!elements(tag, in: ancestor).isEmpty`,
    /// without making the list.
    func hasElement(_ tag: HTMLTag, in ancestor: NodeID) -> Bool {
        let (list, a, end) = firstIndexedElement(tag, in: ancestor)
        return a < list.count && list[a] < end
    }

    /// How many elements with `tag` lie inside `ancestor`: `elements(tag, in: ancestor).count`,
    /// without making the list.
    func elementCount(_ tag: HTMLTag, in ancestor: NodeID) -> Int {
        let (list, first, end) = firstIndexedElement(tag, in: ancestor)
        var a = first, count = 0
        while a < list.count, list[a] < end { count += 1; a += 1 }
        return count
    }
}
