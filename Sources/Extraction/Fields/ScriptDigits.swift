/// Decimal digits of every script (Bengali ০–৯, Devanagari ०–९, Arabic-Indic ٠–٩, Extended
/// Arabic-Indic ۰–۹, Telugu, Tamil, Gujarati, Gurmukhi, Kannada, Malayalam, Odia, Thai, fullwidth …).
public enum ScriptDigits {
    /// The value 0–9 of a decimal digit of any script, else `nil`.
    @inline(__always)
    public static func value(of s: Unicode.Scalar) -> Int? {
        if s.value >= 0x30 && s.value <= 0x39 { return Int(s.value - 0x30) }
        if s.value < 0x660 { return nil }
        if s.value < tableEnd {
            let v = table[Int(s.value) - 0x660]
            return v < 0 ? nil : Int(v)
        }
        // U+2000 ..< U+A620 (punctuation, joiners, symbols, CJK) holds no decimal digit
        // (``noDigitRange``, checked against Unicode's properties by a test): the common non-ASCII
        // scalars of Latin and Indic pages (U+200C, U+200D, U+2019, U+201C …) are answered without a
        // property lookup.
        if noDigitRange.contains(s.value) { return nil }
        return lookUp(s)
    }

    /// Scalars none of which is a decimal digit: from General Punctuation to the last block before
    /// Vai digits (U+A620).
    static let noDigitRange: Range<UInt32> = 0x2000..<0xA620

    /// Unicode's answer: the value of a scalar whose numeric type is decimal.
    static func lookUp(_ s: Unicode.Scalar) -> Int? {
        let p = s.properties
        guard p.numericType == .decimal, let v = p.numericValue else { return nil }
        return Int(v)
    }

    /// ``lookUp(_:)`` of U+0660 ..< U+1000 (Arabic to Myanmar, Bengali and Devanagari among them),
    /// built once from Unicode's properties: -1 for no digit. Property lookups were a visible part
    /// of reading dates on Bengali pages.
    static let tableEnd: UInt32 = 0x1000
    static let table: [Int8] = (UInt32(0x660)..<tableEnd).map { v in
        Unicode.Scalar(v).flatMap(lookUp).map { Int8($0) } ?? -1
    }

    /// `text` with every decimal digit replaced by its ASCII digit.
    public static func asciiDigits(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if let v = value(of: s) {
                out.append(Unicode.Scalar(UInt8(0x30 + v)))
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
