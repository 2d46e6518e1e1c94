import Foundation

/// Resident-set figures of this process from `/proc/self/status`.
enum ProcessMemory {
    /// VmHWM (peak resident set) in bytes.
    static var peakResidentBytes: Int { field("VmHWM:") }
    /// VmRSS (current resident set) in bytes.
    static var residentBytes: Int { field("VmRSS:") }

    /// Resets VmHWM to the current RSS (`echo 5 > /proc/self/clear_refs`, Linux ≥ 4.0), so that the
    /// peak of the next phase is measured alone. Returns false when the kernel refuses.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: Data("5".utf8)) } catch { return false }
        return true
    }

    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let kb = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) } ?? 0
            return kb * 1024
        }
        return 0
    }
}
