import Foundation

/// URL normalisation for record ids: the same article reached through different URLs gets the same id.
public enum CanonicalURL {
    /// Query parameters that only track the visitor and never change the page.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "ocid", "cmpid", "_ga",
    ]

    /// `url` normalised: scheme and host lower case, `www.` kept, default port, fragment, tracking
    /// parameters (`utm_*`, `fbclid`, …) and an empty query removed; an empty path becomes `/`.
    /// Returns the input trimmed when it is not an absolute http(s) URL.
    public static func normalize(_ url: String) -> String {
        if let plain = plainParts(url) { return plain.hasPath ? url : url + "/" }
        return componentsNormalize(url)
    }

    /// ``normalize(_:)`` through Foundation's `URLComponents` for every URL (the general path, and
    /// the reference the tests compare the plain path with).
    static func componentsNormalize(_ url: String) -> String {
        let trimmed = UTF8Scan.hasNoEdgeSpace(url) ? url : url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard var c = URLComponents(string: trimmed), let scheme = c.scheme?.lowercased(), c.host != nil else { return trimmed }
        c.scheme = scheme
        c.host = c.host?.lowercased()
        if (scheme == "http" && c.port == 80) || (scheme == "https" && c.port == 443) { c.port = nil }
        c.fragment = nil
        if let items = c.queryItems {
            let kept = items.filter { item in
                let n = item.name.lowercased()
                return !n.hasPrefix("utm_") && !trackingParameters.contains(n)
            }
            c.queryItems = kept.isEmpty ? nil : kept
        }
        if c.path.isEmpty { c.path = "/" }
        return c.string ?? trimmed
    }

    /// The record id: the first 32 hex digits of SHA-256 of the normalised URL.
    public static func recordID(for url: String) -> String {
        String(SHA256Hex.of(normalize(url)).prefix(32))
    }

    /// The host of `url` without a leading `www.`, lower case (`""` when there is none).
    public static func domain(of url: String) -> String {
        if let plain = plainParts(url) { return plain.domain }
        return componentsDomain(of: url)
    }

    /// ``domain(of:)`` through Foundation's `URLComponents` (the general path and the tests' reference).
    static func componentsDomain(of url: String) -> String {
        guard let host = URLComponents(string: UTF8Scan.hasNoEdgeSpace(url) ? url : url.trimmingCharacters(in: .whitespaces))?.host?.lowercased() else { return "" }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// `reference` resolved against `base`; `nil` for empty, `data:` and `javascript:` references.
    public static func resolve(_ reference: String, against base: String) -> String? {
        if let plain = plainResolve(reference, against: base) { return plain }
        return foundationResolve(reference, against: base)
    }

    /// ``resolve(_:against:)`` through Foundation's `URL` for every reference (the general path, and
    /// the reference the tests compare ``plainResolve(_:against:)`` with).
    static func foundationResolve(_ reference: String, against base: String) -> String? {
        let r = UTF8Scan.hasNoEdgeSpace(reference) ? reference : reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if r.isEmpty || r.hasPrefix("data:") || r.hasPrefix("javascript:") || r.hasPrefix("#") { return nil }
        if r.hasPrefix("http://") || r.hasPrefix("https://") { return r }
        guard let b = URL(string: base) else { return r }
        if r.hasPrefix("//") { return (b.scheme ?? "https") + ":" + r }
        return URL(string: r, relativeTo: b)?.absoluteString
            ?? URL(string: r.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? r, relativeTo: b)?.absoluteString
    }

    // MARK: Plain references

    /// The answer of ``foundationResolve(_:against:)`` worked out on the bytes for the common plain
    /// cases, `nil` (not `.some(nil)`) for any other: a reference of printable ASCII without spaces
    /// that is empty-free, `data:`, `javascript:`, `#…` or absolute http(s) (answered whatever the
    /// base); against a base `http(s)://host/path` (lower-case host of letters, digits, dots and
    /// hyphens, no port or user, URL characters only), a reference `//…`, a path `/…` or a relative
    /// path of URL characters (no scheme, `?…`, fragment, brackets, stray `%` or dot segments, and a
    /// base path without dot segments), joined as RFC 3986 merges them.
    static func plainResolve(_ reference: String, against base: String) -> String?? {
        var utf8 = reference
        return utf8.withUTF8 { r -> String?? in
            let n = r.count
            if n == 0 { return .some(nil) }
            // Printable ASCII without space: trimming changes nothing and every byte is a Character.
            for c in r where c <= 0x20 || c >= 0x7F { return nil }
            if startsWith(r, "data:") || startsWith(r, "javascript:") || r[0] == 0x23 { return .some(nil) }
            if startsWith(r, "http://") || startsWith(r, "https://") { return .some(reference) }
            var base = base
            return base.withUTF8 { b -> String?? in
                guard let (schemeEnd, hostEnd) = plainBase(b) else { return nil }
                if startsWith(r, "//") {
                    return .some(String(decoding: UnsafeBufferPointer(rebasing: b[0..<schemeEnd]), as: UTF8.self) + ":" + reference)
                }
                guard isPlainRelative(r) else { return nil }
                var out: [UInt8] = []
                out.reserveCapacity(hostEnd + n + 64)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<hostEnd]))
                if r[0] != 0x2F {
                    // The base path up to its last "/" (the base has a path: ``plainBase(_:)``).
                    var pathEnd = hostEnd
                    while pathEnd < b.count, b[pathEnd] != 0x3F, b[pathEnd] != 0x23 { pathEnd += 1 }
                    var slash = pathEnd - 1
                    while b[slash] != 0x2F { slash -= 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[hostEnd...slash]))
                }
                out.append(contentsOf: r)
                return .some(String(decoding: out, as: UTF8.self))
            }
        }
    }

    /// The parts of a plain absolute URL, `http(s)://host[/path]` with a lower-case scheme, a host
    /// of lower-case letters, digits, dots and hyphens (no user, no port), and a path of URL
    /// characters (``plainURLBytes(_:from:)``) without query or fragment: such a URL is its own
    /// normal form (but for an empty path, which becomes "/"), and its domain is its host without
    /// "www.". `nil` for any other URL.
    static func plainParts(_ url: String) -> (hasPath: Bool, domain: String)? {
        var url = url
        return url.withUTF8 { b -> (hasPath: Bool, domain: String)? in
            let schemeEnd: Int
            if startsWith(b, "https://") { schemeEnd = 5 } else if startsWith(b, "http://") { schemeEnd = 4 } else { return nil }
            let hostStart = schemeEnd + 3
            var hostEnd = hostStart
            while hostEnd < b.count, b[hostEnd] != 0x2F {
                let c = b[hostEnd]
                guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x2D else { return nil }
                hostEnd += 1
            }
            guard hostEnd > hostStart, !hasPunycode(UnsafeBufferPointer(rebasing: b[hostStart..<hostEnd])) else { return nil }
            for k in hostEnd..<b.count where b[k] == 0x3F { return nil }
            guard plainURLBytes(b, from: hostEnd) else { return nil }
            var domainStart = hostStart
            if hostEnd - hostStart >= 4, startsWith(UnsafeBufferPointer(rebasing: b[hostStart..<hostEnd]), "www.") { domainStart += 4 }
            return (hostEnd < b.count, String(decoding: UnsafeBufferPointer(rebasing: b[domainStart..<hostEnd]), as: UTF8.self))
        }
    }

    /// Whether a lower-case host holds "xn--" (an IDNA label, which `URLComponents` decodes).
    static func hasPunycode(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
        guard h.count >= 4 else { return false }
        for k in 0...(h.count - 4) where h[k] == 0x78 && h[k + 1] == 0x6E && h[k + 2] == 0x2D && h[k + 3] == 0x2D { return true }
        return false
    }

    /// Whether `b` starts with the ASCII `prefix` (case-sensitive, as `String.hasPrefix` on ASCII).
    @inline(__always)
    static func startsWith(_ b: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let m = prefix.utf8CodeUnitCount
        guard b.count >= m else { return false }
        let p = prefix.utf8Start
        for k in 0..<m where b[k] != p[k] { return false }
        return true
    }

    /// A URL character that Foundation takes as is in a path, query or fragment: letters, digits and
    /// `-._~!$&'()*+,;=:@/?` (`%` is checked apart: it must open a percent escape).
    static let plainURLByte: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in UInt8(0x30)...0x39 { table[Int(c)] = true }
        for c in UInt8(0x41)...0x5A { table[Int(c)] = true; table[Int(c | 0x20)] = true }
        for c in "-._~!$&'()*+,;=:@/?".utf8 { table[Int(c)] = true }
        return table
    }()

    /// Whether `b[i...]` holds URL characters only (``plainURLByte``; `%` followed by two hex digits).
    static func plainURLBytes(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Bool {
        plainURLByte.withUnsafeBufferPointer { table in
            var k = i
            while k < b.count {
                let c = b[k]
                if c == 0x25 {
                    guard k + 2 < b.count, isHex(b[k + 1]), isHex(b[k + 2]) else { return false }
                    k += 3
                    continue
                }
                if !table[Int(c)] { return false }
                k += 1
            }
            return true
        }
    }

    @inline(__always)
    static func isHex(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }

    /// The end of the scheme and of the host of a plain base `http(s)://host/path[?query]` (see
    /// ``plainResolve(_:against:)``), or `nil`.
    static func plainBase(_ b: UnsafeBufferPointer<UInt8>) -> (schemeEnd: Int, hostEnd: Int)? {
        let schemeEnd: Int
        if startsWith(b, "https://") { schemeEnd = 5 } else if startsWith(b, "http://") { schemeEnd = 4 } else { return nil }
        var hostEnd = schemeEnd + 3
        while hostEnd < b.count {
            let c = b[hostEnd]
            if c == 0x2F { break }
            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x2D else { return nil }
            hostEnd += 1
        }
        // A host, then a path: "/" first. (Foundation reads "xn--" labels as IDNA: left to it.)
        guard hostEnd > schemeEnd + 3, hostEnd < b.count, !hasPunycode(UnsafeBufferPointer(rebasing: b[(schemeEnd + 3)..<hostEnd])) else { return nil }
        for c in UnsafeBufferPointer(rebasing: b[hostEnd...]) where c == 0x23 || c == 0x5B || c == 0x5D { return nil }
        guard plainURLBytes(b, from: hostEnd) else { return nil }
        var pathEnd = hostEnd
        while pathEnd < b.count, b[pathEnd] != 0x3F { pathEnd += 1 }
        guard !hasDotSegment(UnsafeBufferPointer(rebasing: b[hostEnd..<pathEnd])) else { return nil }
        return (schemeEnd, hostEnd)
    }

    /// Whether `r` is a path reference the plain join resolves: `/…` (not `//`) or a relative path
    /// whose first segment holds no ":" (it would read as a scheme), of URL characters, with no
    /// fragment and no dot segment in its path.
    static func isPlainRelative(_ r: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = r[0]
        if first == 0x3F { return false }  // "?…": the base's path with another query
        if first == 0x2F, r.count > 1, r[1] == 0x2F { return false }
        guard plainURLBytes(r, from: 0) else { return false }
        var pathEnd = 0
        while pathEnd < r.count, r[pathEnd] != 0x3F {
            if r[pathEnd] == 0x3A, first != 0x2F, !r[0..<pathEnd].contains(0x2F) { return false }
            pathEnd += 1
        }
        return !hasDotSegment(UnsafeBufferPointer(rebasing: r[0..<pathEnd]))
    }

    /// Whether a path holds a segment "." or "..".
    static func hasDotSegment(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        for k in 0...p.count where k == p.count || p[k] == 0x2F {
            let len = k - start
            if (len == 1 && p[start] == 0x2E) || (len == 2 && p[start] == 0x2E && p[start + 1] == 0x2E) { return true }
            start = k + 1
        }
        return false
    }
}

import Schemas
/// Hex SHA-256 of a string, via ``Schemas/SHA256``.
enum SHA256Hex {
    static func of(_ s: String) -> String { SHA256.hex(s) }
}
