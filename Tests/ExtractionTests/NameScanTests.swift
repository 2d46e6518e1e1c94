import Testing
@testable import Extraction

/// ``AttributeNameRepair/nameEnd(_:from:_:)`` reads tag and attribute names eight bytes at a time:
/// it must stop exactly where the byte-by-byte ``AttributeNameRepair/isNameByte(_:)`` loop stops.
@Suite("Parse stage: names read a word at a time")
struct NameScanTests {
    @Test("Every byte value, in every lane of a word, is a name byte exactly when isNameByte says so")
    func everyByteInEveryLane() {
        var rng = SplitMix64(seed: 0xA11CE)
        for lane in 0..<8 {
            for value in 0...255 {
                var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                bytes[lane] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let mask = AttributeNameRepair.nameBytes(word)
                for k in 0..<8 {
                    let set = (mask >> (8 * UInt64(k) + 7)) & 1 == 1
                    #expect(set == AttributeNameRepair.isNameByte(bytes[k]), "byte \(bytes[k]) in lane \(k)")
                }
            }
        }
    }

    @Test("The end of a name agrees with the byte-by-byte loop, at every length and start")
    func nameEnds() {
        let alphabet: [UInt8] = Array("-./09:;@AZ[_`az{ \t\r\n=>\"'".utf8) + [0x00, 0x0D, 0x2C, 0x7F, 0x80, 0xC3, 0xE0, 0xFF]
        var rng = SplitMix64(seed: 11)
        for n in 0...40 {
            for _ in 0..<100 {
                // Mostly name bytes, so that names run over word boundaries.
                let bytes: [UInt8] = (0..<n).map { _ in
                    rng.next() % 4 == 0 ? alphabet[Int(rng.next() % UInt64(alphabet.count))] : Array("abcXYZ09-_.:".utf8)[Int(rng.next() % 12)]
                }
                bytes.withUnsafeBufferPointer { b in
                    let p = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
                    for from in 0...n {
                        var expected = from
                        while expected < n, AttributeNameRepair.isNameByte(p[expected]) { expected += 1 }
                        #expect(AttributeNameRepair.nameEnd(p, from: from, n) == expected, "\(bytes) from \(from)")
                    }
                }
            }
        }
    }
}
