import Testing

@testable import Schemas

@Suite("SHA-256")
struct SHA256Tests {
    @Test("matches the FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test("incremental updates across block boundaries equal one update")
    func incremental() {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var h = SHA256()
        h.update(data[0..<63]); h.update(data[63..<64]); h.update(data[64..<500]); h.update(data[500...])
        #expect(h.finalize().hexString == SHA256.hex(data))
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a collection without contiguous storage hashes like the same bytes in an array")
    func nonContiguousInput() {
        let lazyBytes = (0..<777).lazy.map { UInt8(truncatingIfNeeded: $0 &* 131) }
        #expect(SHA256.hex(lazyBytes) == SHA256.hex(Array(lazyBytes)))
    }
}
