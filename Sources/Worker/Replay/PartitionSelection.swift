/// The `--partitions` option: which partitions of the input topic a replay covers.
///
/// Syntax: a comma-separated list of partition numbers and inclusive ranges, e.g. `0,2,4-7`. Absent: all.
struct PartitionSelection: Sendable, Equatable, CustomStringConvertible {
    /// The selected partitions, sorted; nil for all.
    var partitions: [Int32]?

    static let all = PartitionSelection(partitions: nil)

    static func parse(_ text: String?) throws(ReplayError) -> PartitionSelection {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty, text != "all" else { return .all }
        var out = Set<Int32>()
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            if bounds.count == 1, let p = Int32(item), p >= 0 {
                out.insert(p)
            } else if bounds.count == 2, let a = Int32(bounds[0]), let b = Int32(bounds[1]), a >= 0, a <= b {
                for p in a...b { out.insert(p) }
            } else {
                throw ReplayError(.invalidBoundary, "--partitions '\(item)': expected N or N-M (e.g. 0,2,4-7)")
            }
        }
        return PartitionSelection(partitions: out.sorted())
    }

    /// The partitions of `available` that are selected; throws if one selected does not exist.
    func apply(to available: [Int32], topic: String) throws(ReplayError) -> [Int32] {
        guard let partitions else { return available.sorted() }
        let missing = partitions.filter { !available.contains($0) }
        guard missing.isEmpty else {
            throw ReplayError(.invalidOptions, "topic \(topic) has no partition \(missing.map(String.init).joined(separator: ",")) (it has \(available.count))")
        }
        return partitions
    }

    var description: String { partitions.map { $0.map(String.init).joined(separator: ",") } ?? "all" }
}
