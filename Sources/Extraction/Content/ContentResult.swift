import Schemas

/// The output of the content stage, handed to the field resolver and the record builder.
public struct ContentResult: Sendable {
    /// The element judged to hold the article body, if one was found.
    public var root: NodeID?
    /// The body blocks in reading order.
    public var blocks: [ContentBlock]
    /// The lead image (first figure of or right before the article), with caption and credit.
    public var leadImage: ArticleRecord.Image?
    /// Further images of the body, in page order.
    public var images: [ArticleRecord.Image]
    /// The `<h1>` (or heading) judged to be the article's headline, if one was found near the body.
    public var headlineNode: NodeID?
    /// Elements judged to be boilerplate (navigation, related lists, share bars, comment boxes,
    /// promos), in document order; text inside them is not article text.
    public var boilerplate: [NodeID]

    public init(root: NodeID? = nil, blocks: [ContentBlock] = [], leadImage: ArticleRecord.Image? = nil,
                images: [ArticleRecord.Image] = [], headlineNode: NodeID? = nil, boilerplate: [NodeID] = []) {
        self.root = root
        self.blocks = blocks
        self.leadImage = leadImage
        self.images = images
        self.headlineNode = headlineNode
        self.boilerplate = boilerplate
    }

    /// The blocks as record blocks.
    public var recordBlocks: [ArticleRecord.Block] { blocks.map { .init(type: $0.type, text: $0.text) } }

    /// The body text: blocks joined by blank lines.
    public var text: String { blocks.map(\.text).joined(separator: "\n\n") }
}

/// One body block and the element it came from.
public struct ContentBlock: Sendable, Equatable {
    public var type: ArticleRecord.BlockType
    public var text: String
    /// The element the block was made from.
    public var node: NodeID

    public init(type: ArticleRecord.BlockType, text: String, node: NodeID) {
        self.type = type
        self.text = text
        self.node = node
    }
}
