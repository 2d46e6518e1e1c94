/// Splits a photo caption into caption and credit: "… ছবি : সংগৃহীত" → credit "সংগৃহীত";
/// "Photo: Reuters", "(AP Photo/Jane Doe)", "Foto: dpa", "Bild: Keystone", "फोटो: PTI".
enum CaptionCredit {
    /// Labels that introduce a credit (lower case, without the separator).
    static let labels: [String] = [
        "ছবি", "ছবিঃ", "ফটো", "সূত্র", "photo", "photos", "photograph", "photo credit", "image", "image credit", "picture",
        "credit", "credits", "source", "foto", "fotos", "bild", "bildquelle", "quelle", "फोटो", "फ़ोटो", "तस्वीर", "चित्र",
        "साभार", "crédit", "crédito", "imagen", "fonte", "©",
    ]

    /// The UTF-8 bytes of each label, `nil` for a label not in NFC (never skipped by the byte prefilter).
    static let labelNeedles: [[UInt8]?] = labels.map { label in
        let bytes = Array(label.utf8)
        return UnicodeNormalization.mayNeedNFC(bytes) ? nil : bytes
    }

    /// `(caption, credit)`; either may be nil.
    static func split(_ raw: String) -> (caption: String?, credit: String?) {
        var text = raw.trimmingCharacters(in: " \t\n")
        if text.isEmpty { return (nil, nil) }
        // "(AP Photo/Jane Doe)" or "(Photo: Reuters)" at the end.
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            let lower = inner.lowercased()
            if lower.contains("photo") || lower.contains("foto") || lower.contains("image") || lower.contains("credit")
                || lower.contains("/") && inner.count < 60 && (lower.contains("ap") || lower.contains("afp") || lower.contains("getty")) {
                var credit = inner
                for l in ["photo:", "photo by", "foto:", "image:", "credit:"] where lower.hasPrefix(l) {
                    credit = String(inner.dropFirst(l.count))
                }
                let cap = String(text[..<open]).trimmingCharacters(in: " \t\n")
                return (cap.isEmpty ? nil : cap, credit.trimmingCharacters(in: " \t\n"))
            }
        }
        // "<caption> <label> : <credit>" with the label at the start of a sentence or after a separator.
        // (`text.lowercased()` mapped as bytes, ``CaseMapping/lowercasedBytes(_:)``.)
        let lowerBytes = CaseMapping.lowercasedBytes(text)
        let lower = String(decoding: lowerBytes, as: UTF8.self)
        // Foundation's search is slow: a label whose bytes do not occur in NFC text cannot be found
        // by it either (canonically equivalent NFC strings are byte-equal), so it is skipped.
        let prefilter = !UnicodeNormalization.mayNeedNFC(lowerBytes)
        // The bytes the text holds, as a 256-bit set: a label with a byte outside it is not in the
        // text's bytes (most labels of a caption in another script), known without a search.
        var present: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        if prefilter {
            for c in lowerBytes {
                let bit = UInt64(1) << UInt64(c & 63)
                switch c >> 6 {
                case 0: present.0 |= bit
                case 1: present.1 |= bit
                case 2: present.2 |= bit
                default: present.3 |= bit
                }
            }
        }
        @inline(__always) func holdsAllBytes(_ needle: [UInt8]) -> Bool {
            for c in needle {
                let bit = UInt64(1) << UInt64(c & 63)
                let word: UInt64
                switch c >> 6 {
                case 0: word = present.0
                case 1: word = present.1
                case 2: word = present.2
                default: word = present.3
                }
                if word & bit == 0 { return false }
            }
            return true
        }
        var best: (Range<String.Index>, Int)?
        for (label, needle) in zip(labels, labelNeedles) {
            if prefilter, let needle, !holdsAllBytes(needle) || !ByteSearch.contains(lowerBytes, needle) { continue }
            var search = lower.startIndex..<lower.endIndex
            while let r = lower.range(of: label, range: search) {
                search = r.upperBound..<lower.endIndex
                // Must start the text or follow a space/punctuation, and be followed by ':' / '-' / 'by' / '/'.
                if r.lowerBound != lower.startIndex {
                    let before = lower[lower.index(before: r.lowerBound)]
                    if !(before == " " || before == "|" || before == "(" || before == "[" || before == "\n" || before == "।" || before == ".") { continue }
                }
                var k = r.upperBound
                while k < lower.endIndex, lower[k] == " " { k = lower.index(after: k) }
                guard k < lower.endIndex else { continue }
                let sep = lower[k]
                let isBy = lower[k...].hasPrefix("by ")
                guard sep == ":" || sep == "-" || sep == "–" || sep == "/" || sep == "ঃ" || isBy || label == "©" else { continue }
                if best == nil || r.lowerBound > best!.0.lowerBound { best = (r, 0) }
            }
        }
        guard let (r, _) = best else { return (text, nil) }
        let (start, labelEnd) = textBounds(of: r, in: lower, lowerBytes: lowerBytes, text: text)
        var credit = String(text[labelEnd...]).trimmingCharacters(in: " \t\n")
        if credit.lowercased().hasPrefix("by ") { credit = String(credit.dropFirst(3)) }
        while let f = credit.first, ":-–/ঃ".contains(f) { credit.removeFirst() }
        credit = credit.trimmingCharacters(in: " \t\n")
        while let l = credit.last, "])".contains(l) || l == "." && !credit.hasSuffix("..") { credit.removeLast() }
        text = String(text[..<start]).trimmingCharacters(in: " \t\n|([-–")
        let cap = text.isEmpty ? nil : text
        return (cap, credit.isEmpty ? nil : credit.trimmingCharacters(in: " \t\n"))
    }

    /// The bounds in `text` of the match `r` in `lower` (`text` lower-cased): the positions as many
    /// Characters into `text` as `r`'s bounds are into `lower` (``plainTextBounds(of:in:text:)``).
    /// When lower-casing changed no byte but ASCII capitals (to their small letters, which have the
    /// same grapheme-break properties) and both bounds are Character boundaries, those are the
    /// positions of the same byte offsets: the two strings have their Characters at the same
    /// offsets. (Counting Characters from the start twice was most of the cost of a credited caption.)
    static func textBounds(of r: Range<String.Index>, in lower: String, lowerBytes: [UInt8], text: String)
        -> (String.Index, String.Index)
    {
        @inline(__always) func isBoundary(_ i: String.Index) -> Bool {
            i == lower.endIndex || lower.index(before: lower.index(after: i)) == i
        }
        let same = lowerBytes.count == text.utf8.count && zip(lowerBytes, text.utf8).allSatisfy { l, t in
            l == t || (t &- 0x41 < 26 && l == t | 0x20)
        }
        guard same, isBoundary(r.lowerBound), isBoundary(r.upperBound) else { return plainTextBounds(of: r, in: lower, text: text) }
        let lo = lower.utf8.distance(from: lower.startIndex, to: r.lowerBound)
        let hi = lower.utf8.distance(from: lower.startIndex, to: r.upperBound)
        return (text.utf8.index(text.startIndex, offsetBy: lo), text.utf8.index(text.startIndex, offsetBy: hi))
    }

    /// ``textBounds(of:in:lowerBytes:text:)`` by counting Characters (the general path and the
    /// tests' reference).
    static func plainTextBounds(of r: Range<String.Index>, in lower: String, text: String) -> (String.Index, String.Index) {
        (text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.lowerBound)),
         text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.upperBound)))
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        // Edge bytes that are printable ASCII outside `set`: the edge Characters start (first) and end
        // (last) with those scalars, so neither is in `set` (single scalars) or white space.
        if let f = utf8.first, let l = utf8.last, f > 0x20, f < 0x7F, l > 0x20, l < 0x7F, !set.utf8.contains(f), !set.utf8.contains(l) {
            return self
        }
        return trimmingCharactersOneByOne(in: set)
    }

    /// ``trimmingCharacters(in:)`` a Character at a time (the general path and the tests' reference).
    func trimmingCharactersOneByOne(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) || f.isWhitespace { s.removeFirst() }
        while let l = s.last, set.contains(l) || l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
