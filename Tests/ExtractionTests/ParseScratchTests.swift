import Testing
@testable import Extraction

/// The parse stage's scratch helpers: the short-run byte copy of the attribute shortcut and the
/// record buffer of the document builder must behave as `memmove` and an array.
@Suite("Parse stage: byte copies and record buffers")
struct ParseScratchTests {
    @Test("moveBytes copies every length up to 40 like memmove, forwards, backwards and onto itself")
    func moveBytesLikeMemmove() {
        let source = (0..<128).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for n in 0...40 {
            for shift in [-9, -8, -3, -1, 0, 1, 2, 4, 7, 8, 16, 17] {
                var got = source, expected = source
                let from = 40, to = from + shift
                for k in 0..<n { expected[to + k] = source[from + k] }
                got.withUnsafeMutableBufferPointer { p in
                    AttributeShortcut.moveBytes(p.baseAddress! + to, p.baseAddress! + from, n)
                }
                #expect(got == expected, "n \(n) shift \(shift)")
            }
        }
    }

    @Test("ScratchStack keeps appended records in order across growth, gives back the last on removal and empties on removeAll")
    func scratchStackLikeArray() {
        let stack = ScratchStack<Int32>(capacity: 1)
        var reference: [Int32] = []
        for k in Int32(0)..<1000 {
            if k % 7 == 3, !reference.isEmpty {
                #expect(stack.removeLast() == reference.removeLast())
            } else {
                #expect(stack.append(k * 3) == reference.count)
                reference.append(k * 3)
            }
            #expect(stack.count == reference.count && stack.isEmpty == reference.isEmpty)
            if let last = reference.last { #expect(stack.last == last) }
        }
        #expect(Array(UnsafeBufferPointer(start: stack.base, count: stack.count)) == reference)
        stack.removeAll()
        #expect(stack.isEmpty && stack.count == 0)
        stack.append(5)
        #expect(stack.last == 5 && stack.count == 1)
    }

    @Test("A ByteStore lent a buffer writes into it, and moves its bytes to its own memory when they outgrow it")
    func byteStoreBorrowingSpills() {
        let chunk: [UInt8] = Array("0123456789abcdefghij".utf8)
        var reference: [UInt8] = []
        var lent = [UInt8](repeating: 0, count: 48)
        lent.withUnsafeMutableBufferPointer { buffer in
            let store = ByteStore(borrowing: buffer)
            for k in 0..<6 {
                chunk.withUnsafeBufferPointer { store.append($0.baseAddress!, k * 3 + 1) }
                reference += chunk.prefix(k * 3 + 1)
                // 1 + 4 + 7 + 10 + 13 = 35 bytes fit in the 48 lent; the sixth append (16) does not.
                #expect(store.isBorrowing == (reference.count <= 48), "after \(reference.count) bytes")
                #expect(store.array == reference)
            }
        }
        #expect(Array(lent.prefix(35)) == Array(reference.prefix(35)))
    }
}
