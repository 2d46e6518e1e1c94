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
}
