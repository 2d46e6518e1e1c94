/// An open-addressing hash table from ``LanguageDetector/WordKey`` (a short word packed into
/// integers) to a value, with a multiplicative hash over the packed key.
///
/// Looked up once per word of a text (function words, date words), where a `Dictionary`'s seeded
/// SipHash cost more than the rest of the scan.
struct WordKeyTable<Value: Sendable>: Sendable {
    /// Slots (a power of two, at most a quarter full); an empty slot has `count == 0`.
    private let keys: [LanguageDetector.WordKey]
    private let values: [Value]
    private let shift: UInt64

    /// A table of `entries` (the empty key is left out); `filler` fills the empty slots' values.
    init(_ entries: [LanguageDetector.WordKey: Value], filler: Value) {
        var bits: UInt64 = 4
        while (1 << bits) < 4 * max(1, entries.count) { bits += 1 }
        shift = 64 - bits
        var keys = [LanguageDetector.WordKey](repeating: LanguageDetector.WordKey(), count: 1 << Int(bits))
        var values = [Value](repeating: filler, count: keys.count)
        for (key, value) in entries where key.count > 0 {
            var i = Self.slot(key, shift: shift)
            while keys[i].count != 0 { i = (i + 1) & (keys.count - 1) }
            keys[i] = key
            values[i] = value
        }
        self.keys = keys
        self.values = values
    }

    @inline(__always)
    private static func slot(_ k: LanguageDetector.WordKey, shift: UInt64) -> Int {
        let h = (k.a ^ (k.b &* 0x9E37_79B9_7F4A_7C15) ^ (k.c &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(k.count)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: h >> shift)
    }

    /// The value of `key`, or nil when the table does not hold it (always for the empty key).
    @inline(__always)
    subscript(_ key: LanguageDetector.WordKey) -> Value? {
        guard key.count > 0 else { return nil }
        var i = Self.slot(key, shift: shift)
        let last = keys.count - 1
        while true {
            let k = keys[i]
            if k.count == 0 { return nil }
            if k == key { return values[i] }
            i = (i + 1) & last
        }
    }
}
