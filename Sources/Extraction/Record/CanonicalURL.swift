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
        guard let host = URLComponents(string: UTF8Scan.hasNoEdgeSpace(url) ? url : url.trimmingCharacters(in: .whitespaces))?.host?.lowercased() else { return "" }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// `reference` resolved against `base`; `nil` for empty, `data:` and `javascript:` references.
    public static func resolve(_ reference: String, against base: String) -> String? {
        let r = UTF8Scan.hasNoEdgeSpace(reference) ? reference : reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if r.isEmpty || r.hasPrefix("data:") || r.hasPrefix("javascript:") || r.hasPrefix("#") { return nil }
        if r.hasPrefix("http://") || r.hasPrefix("https://") { return r }
        guard let b = URL(string: base) else { return r }
        if r.hasPrefix("//") { return (b.scheme ?? "https") + ":" + r }
        return URL(string: r, relativeTo: b)?.absoluteString
            ?? URL(string: r.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? r, relativeTo: b)?.absoluteString
    }
}

import Schemas
/// Hex SHA-256 of a string, via ``Schemas/SHA256``.
enum SHA256Hex {
    static func of(_ s: String) -> String { SHA256.hex(s) }
}
