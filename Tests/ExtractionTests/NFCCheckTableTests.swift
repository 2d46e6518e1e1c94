import Testing
@testable import Extraction

@Suite("Decode stage: the scalar table of the NFC check")
struct NFCCheckTableTests {
    @Test("Every scalar below U+1000 that the NFC check can flag, after any previous scalar below U+1100, has its bit set")
    func tableCoversNeeds() {
        let table = UnicodeNormalization.candidates
        var missing: [UInt32] = []
        for v in UInt32(0x300)..<0x1000 where table[Int(v >> 6)] & (1 << (v & 63)) == 0 {
            for p in UInt32(0)..<0x1100 where UnicodeNormalization.needs(v, after: p) {
                missing.append(v)
                break
            }
        }
        #expect(missing.isEmpty, "scalars without a bit: \(missing.map { String($0, radix: 16) })")
    }

    @Test("Bengali text with a decomposed vowel sign still needs NFC; composed text does not")
    func bengaliVowelSign() {
        #expect(UnicodeNormalization.mayNeedNFC(Array("বাংলাদেশে \u{09C7}\u{09BE}".utf8)))
        #expect(!UnicodeNormalization.mayNeedNFC(Array("বাংলাদেশে \u{09CB}".utf8)))
        #expect(UnicodeNormalization.mayNeedNFC(Array("\u{09DC}".utf8)))
    }
}
