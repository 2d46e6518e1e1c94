// MARK: Byte-level attribute access for the fields stage

extension HTMLDocument {
    /// `class` and `id` of element `n` as UTF-8, ASCII letters lowered, joined by a space (as
    /// ``classAndID(_:)``, without making Strings); empty when it has neither.
    func loweredClassAndIDBytes(_ n: NodeID) -> [UInt8] {
        let c = attributeRange("class", of: n), i = attributeRange("id", of: n)
        if c == nil && i == nil { return [] }
        var out: [UInt8] = []
        out.reserveCapacity((c?.count ?? 0) + (i?.count ?? 0) + 1)
        if let c { out.append(contentsOf: bytes[c]) }
        if let i, !i.isEmpty {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: bytes[i])
        }
        for k in out.indices where out[k] &- 0x41 < 26 { out[k] |= 0x20 }
        return out
    }

    /// True when attribute `name` of `n` equals `value` (lower-case ASCII bytes) ignoring ASCII case.
    func attributeEqualsIgnoringCase(_ name: String, _ value: [UInt8], of n: NodeID) -> Bool {
        guard let r = attributeRange(name, of: n), r.count == value.count else { return false }
        var k = 0
        for b in bytes[r] {
            let l = b &- 0x41 < 26 ? b | 0x20 : b
            if l != value[k] { return false }
            k += 1
        }
        return true
    }
}

extension HTMLDocument {
    /// True when the visible text of `n` (as ``textContent(of:includeHidden:)`` gives it) surely has
    /// more than `maxChars` characters: its non-white-space bytes outnumber four per character.
    /// A cheap test before making the String of a large subtree.
    func visibleTextSurelyExceeds(_ n: NodeID, chars maxChars: Int) -> Bool {
        let limit = maxChars * 4
        var count = 0
        var i = n.index
        let end = Int(ends[n.index])
        if kinds[i] != .text { i += 1 }
        while i < end {
            switch kinds[i] {
            case .text:
                for b in bytes[Int(dataStart[i])..<Int(dataEnd[i])] where b > 0x20 { count += 1 }
                if count > limit { return true }
                i += 1
            case .element where tags[i].isNonContent:
                i = Int(ends[i])
            default:
                i += 1
            }
        }
        return false
    }
}
