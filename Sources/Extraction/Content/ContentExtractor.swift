import Schemas

/// The content stage: finds the article body in a DOM and returns it as blocks.
public struct ContentExtractor: Sendable {
    public init() {}

    /// The main content of `document`; `pageURL` resolves relative image URLs.
    public func extract(_ document: HTMLDocument, pageURL: String) -> ContentResult {
        var blocks: [ContentBlock] = []
        for p in document.elements(.p) {
            if document.hasAncestor(p, tag: .nav) || document.hasAncestor(p, tag: .footer) || document.hasAncestor(p, tag: .aside) {
                continue
            }
            let t = document.textContent(of: p)
            if !t.isEmpty { blocks.append(ContentBlock(type: .paragraph, text: t, node: p)) }
        }
        return ContentResult(root: nil, blocks: blocks)
    }
}
