import Foundation

/// The JSON Schema (draft 2020-12) documents shipped with this module.
public enum SchemaResources {
    /// File names of the shipped schemas.
    public static let rawPage = "rawpage.v1.schema.json"
    public static let articleRecord = "article.v1.schema.json"
    public static let deadLetter = "deadletter.v1.schema.json"

    /// The bytes of a shipped schema document, or `nil` if it is missing from the bundle.
    public static func data(named name: String) -> Data? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: nil)
        else { return nil }
        return try? Data(contentsOf: url)
    }
}
