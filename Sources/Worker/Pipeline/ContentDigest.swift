import CCrypto
import Schemas

/// The SHA-256 of a consumed page's bytes, written into every record as `source.content_sha256`.
///
/// Hashed with OpenSSL's libcrypto, which uses the CPU's SHA extensions where present: on a 95 KB
/// page that is a few hundredths of a millisecond, where the portable ``Schemas/SHA256`` (kept for
/// short strings such as record ids) took about a third of a millisecond, a sixth of the worker's
/// CPU per message. Falls back to ``Schemas/SHA256`` if libcrypto reports a failure.
enum ContentDigest {
    // MARK: API

    /// Lower-case hex SHA-256 of `bytes`.
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        let ok = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { out in
                newsflow_sha256(input.baseAddress, input.count, out.baseAddress) == 1
            }
        }
        return ok ? digest.hexString : SHA256.hex(bytes)
    }
}
