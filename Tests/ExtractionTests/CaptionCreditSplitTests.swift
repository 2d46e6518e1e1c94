import Foundation
import Testing

@testable import Extraction

/// ``CaptionCredit/split(_:)``: its shortcuts (lower-casing as bytes, labels ruled out by their
/// bytes before Foundation's search: by a byte the caption lacks, then by a byte search) give the
/// split of the plain reading, which searches every label with Foundation.
@Suite("Caption credit: the shortcuts give the plain reading's split")
struct CaptionCreditSplitTests {
    // MARK: Reference

    enum Reference {
        static func splitReference(_ raw: String) -> (caption: String?, credit: String?) {
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
            let lower = text.lowercased()
            var best: (Range<String.Index>, Int)?
            for label in CaptionCredit.labels {
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
            let (start, labelEnd) = CaptionCredit.plainTextBounds(of: r, in: lower, text: text)
            var credit = String(text[labelEnd...]).trimmingCharacters(in: " \t\n")
            if credit.lowercased().hasPrefix("by ") { credit = String(credit.dropFirst(3)) }
            while let f = credit.first, ":-–/ঃ".contains(f) { credit.removeFirst() }
            credit = credit.trimmingCharacters(in: " \t\n")
            while let l = credit.last, "])".contains(l) || l == "." && !credit.hasSuffix("..") { credit.removeLast() }
            text = String(text[..<start]).trimmingCharacters(in: " \t\n|([-–")
            let cap = text.isEmpty ? nil : text
            return (cap, credit.isEmpty ? nil : credit.trimmingCharacters(in: " \t\n"))
        }
    }

    static let captions: [String] = [
        "Flood barrier in Dhaka. Photo: Reuters", "Flood barrier (AP Photo/Jane Doe)", "The river at dawn (Photo: AFP)",
        "ঢাকার রাস্তায় জলাবদ্ধতা। ছবি : সংগৃহীত", "ঢাকার রাস্তায়। ছবিঃ প্রথম আলো", "নদীর তীরে ফটো- রহিম", "সূত্র: বাসস",
        "नई दिल्ली में बाढ़। फोटो: PTI", "नई दिल्ली। फ़ोटो - एएनआई", "तस्वीर: रॉयटर्स", "साभार: ट्विटर",
        "Der Fluss. Foto: dpa", "Bild: Keystone", "Bildquelle: Getty", "Quelle: APA", "Crédit : AFP", "Crédito: EFE", "Imagen: EFE", "Fonte: Ansa",
        "© Jane Doe", "Sunset © 2024 John Smith.", "Photo credit - John Smith)", "Image credit: NASA/JPL]", "Picture by Jane Doe",
        "A photographer at work", "Photographs on display: the exhibit", "Credits: Studio", "Source / Agency", "PHOTO: CAPITALS",
        "Caption without credit", "", "   ", "Foto\u{301}: accent", "Cafe\u{301} photo: decomposed", "ছবি", "photo:", "photo: ",
        "[Photo: Reuters]", "|Photo: AP", "Text.Photo: AP.", "Text (photo by AP)", "x\nphoto: y", "Ｐｈｏｔｏ： fullwidth",
    ]

    @Test("captions and credits of many scripts and forms: the plain reading's split", arguments: captions)
    func sameSplit(caption: String) {
        let fast = CaptionCredit.split(caption), plain = Reference.splitReference(caption)
        #expect(fast.caption == plain.caption && fast.credit == plain.credit, "\(caption)")
    }

    @Test("generated captions: the plain reading's split")
    func generated() {
        let pieces = ["Photo", "photo", ": ", " - ", "by ", "ছবি", " : ", "সংগৃহীত", "।", "फोटो", "Reuters", "AP", "/", "(", ")", " ", ". ", "©", "Foto", "é", "e\u{301}", "দৈনিক", "news"]
        var state: UInt64 = 0xCAB
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var checked = 0
        for _ in 0..<1500 {
            var s = ""
            for _ in 0..<(1 + next(12)) { s += pieces[next(pieces.count)] }
            let fast = CaptionCredit.split(s), plain = Reference.splitReference(s)
            #expect(fast.caption == plain.caption && fast.credit == plain.credit, "\(s)")
            checked += 1
        }
        #expect(checked == 1500)
    }
}
