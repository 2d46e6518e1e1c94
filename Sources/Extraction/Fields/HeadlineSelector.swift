/// Chooses the on-page headline: the `<h1>` (or headline element) whose text matches what the
/// metadata calls the title (JSON-LD `headline`, `og:title`, `twitter:title`, or `<title>` without
/// its ` | Site` / ` - Site` part), as the page shows it.
///
/// Without such a match: the metadata headline with a site-name part removed, else the only `<h1>`,
/// else the `<title>` without its site-name part.
public struct HeadlineSelector: Sendable {
    public init() {}

    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " › ", " ‹ ", " / ", " ｜ ", " I "]

    /// - Parameters:
    ///   - candidates: on-page headline elements' texts, best first (A's headline node, `<h1>`s, `itemprop=headline`, `<h2>`s).
    ///   - metadataTitles: JSON-LD/OpenGraph/Twitter/meta titles, best first.
    ///   - htmlTitle: the `<title>` text.
    ///   - siteNames: the site's names (`og:site_name`, publisher) and its domain, to strip from titles.
    public func select(candidates: [String], metadataTitles: [String], htmlTitle: String?, siteNames: [String]) -> String? {
        var refs: [String] = []
        for t in metadataTitles + [htmlTitle].compactMap({ $0 }) {
            for v in Self.variants(of: t) where !refs.contains(v) { refs.append(v) }
        }
        let normRefs = refs.map(Self.normalize).filter { !$0.isEmpty }
        // 1. An on-page headline that matches the metadata.
        var best: (String, Double)?
        for c in candidates {
            let n = Self.normalize(c)
            guard n.count >= 2, c.count <= 400 else { continue }
            let score = normRefs.map { Self.similarity(n, $0) }.max() ?? 0
            if score >= 0.8, score > (best?.1 ?? 0) + 0.05 { best = (c, score) }
            if score >= 0.999 { break }
        }
        if let b = best { return b.0 }
        // 2. The metadata headline without a site-name part.
        if let m = metadataTitles.first(where: { !$0.isEmpty }) { return Self.stripSite(m, siteNames: siteNames) }
        // 3. The first on-page headline, else the <title> without a site-name part.
        if let c = candidates.first(where: { !$0.isEmpty && $0.count <= 300 }) { return c }
        if let t = htmlTitle, !t.isEmpty { return Self.stripSite(t, siteNames: siteNames) }
        return nil
    }

    /// The title and the title without its first or last separator-delimited part (twice).
    static func variants(of title: String) -> [String] {
        var out = [title]
        var queue = [title]
        for _ in 0..<2 {
            var next: [String] = []
            for t in queue {
                for sep in separators {
                    if let r = t.range(of: sep, options: .backwards) {
                        let head = String(t[..<r.lowerBound])
                        if head.count >= 8 { next.append(head) }
                    }
                    if let r = t.range(of: sep) {
                        let tail = String(t[r.upperBound...])
                        if tail.count >= 8 { next.append(tail) }
                    }
                }
            }
            for n in next where !out.contains(n) { out.append(n) }
            queue = next
        }
        return out
    }

    /// Removes a leading or trailing part that is the site's name or domain.
    public static func stripSite(_ title: String, siteNames: [String]) -> String {
        let sites = siteNames.map(normalize).filter { !$0.isEmpty }
        guard !sites.isEmpty else { return title }
        var t = title
        for _ in 0..<2 {
            var changed = false
            for sep in separators {
                if let r = t.range(of: sep, options: .backwards) {
                    let tail = normalize(String(t[r.upperBound...]))
                    if sites.contains(where: { siteMatches(tail, $0) }) { t = String(t[..<r.lowerBound]); changed = true; break }
                }
                if let r = t.range(of: sep) {
                    let head = normalize(String(t[..<r.lowerBound]))
                    if sites.contains(where: { siteMatches(head, $0) }) { t = String(t[r.upperBound...]); changed = true; break }
                }
            }
            if !changed { break }
        }
        return t.trimmingCharacters(in: .whitespaces)
    }

    static func siteMatches(_ part: String, _ site: String) -> Bool {
        guard !part.isEmpty else { return false }
        if part == site { return true }
        let p = part.replacingOccurrences(of: " ", with: ""), s = site.replacingOccurrences(of: " ", with: "")
        return p == s || (p.count >= 3 && s.hasPrefix(p)) || (s.count >= 3 && p.hasPrefix(s) && p.count - s.count <= 12)
    }

    /// Lower case, letters and digits only, single spaces.
    static func normalize(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber || ch.unicodeScalars.contains(where: { $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .spacingMark }) {
                if space, !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            } else {
                space = true
            }
        }
        return out
    }

    /// 1 for equal texts; the length ratio when one contains the other; else the Dice overlap of words.
    static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let la = Double(a.count), lb = Double(b.count)
        if a.contains(b) || b.contains(a) { return min(la, lb) / max(la, lb) }
        let wa = a.split(separator: " "), wb = b.split(separator: " ")
        let sb = Set(wb)
        let common = wa.filter { sb.contains($0) }.count
        return 2 * Double(common) / Double(wa.count + wb.count) * 0.95
    }
}

import Foundation
