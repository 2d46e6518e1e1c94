import Foundation

/// A named set of pages loaded into memory: every `<id>.html.gz` (gunzipped in memory) or `<id>.html`
/// of a folder, with the URL from the `<id>.json` beside it (the corpus layout; the generator writes
/// the same layout). Sorted by file name, so every tool sees the same pages in the same order.
struct PageSet {
    struct Page {
        var name: String
        var url: String
        var bytes: [UInt8]
    }

    var name: String
    var directory: String
    var pages: [Page]

    var totalBytes: Int { pages.reduce(0) { $0 + $1.bytes.count } }

    static func load(name: String, directory: String, limit: Int? = nil) throws -> PageSet {
        let fm = FileManager.default
        var files = try fm.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".html.gz") || $0.hasSuffix(".html") }
            .sorted()
        if let limit { files = Array(files.prefix(limit)) }
        var pages: [Page] = []
        for file in files {
            let path = directory + "/" + file
            let stem = file.hasSuffix(".gz") ? String(file.dropLast(8)) : String(file.dropLast(5))
            guard let raw = fm.contents(atPath: path) else { throw LoadError(path: path) }
            let bytes = file.hasSuffix(".gz") ? try Gzip.gunzip(Array(raw)) : Array(raw)
            var url = "https://corpus.invalid/\(name)/\(stem)"
            if let meta = fm.contents(atPath: directory + "/" + stem + ".json"),
               let object = try? JSONSerialization.jsonObject(with: meta) as? [String: Any],
               let u = object["url"] as? String, !u.isEmpty {
                url = u
            }
            pages.append(Page(name: stem, url: url, bytes: bytes))
        }
        return PageSet(name: name, directory: directory, pages: pages)
    }

    struct LoadError: Error, CustomStringConvertible {
        var path: String
        var description: String { "cannot read \(path)" }
    }
}
