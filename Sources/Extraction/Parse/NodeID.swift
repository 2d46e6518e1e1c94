/// A node of an ``HTMLDocument``: its index in document (pre-)order.
///
/// Because nodes are numbered in document order, the descendants of a node are exactly the nodes
/// `node.index + 1 ..< document.subtreeEnd(node)`, and comparing ids compares document positions.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Position in document order (the document node is 0).
    public let index: Int

    @inlinable public init(_ index: Int) { self.index = index }

    @inlinable public static func < (a: NodeID, b: NodeID) -> Bool { a.index < b.index }

    public var description: String { "#\(index)" }
}

/// What kind of node a ``NodeID`` is.
public enum NodeKind: UInt8, Sendable {
    /// The document node (always ``HTMLDocument/root``, index 0).
    case document
    /// An element, with a ``HTMLTag`` and attributes.
    case element
    /// A text node (also CDATA). Comments and processing instructions are not kept.
    case text
}
