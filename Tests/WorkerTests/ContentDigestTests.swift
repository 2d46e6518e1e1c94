import Schemas
import Testing

@testable import Worker

@Suite("ContentDigest")
struct ContentDigestTests {
    @Test("gives the FIPS 180-4 test-vector digests")
    func knownVectors() {
        #expect(ContentDigest.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentDigest.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            ContentDigest.sha256Hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("agrees with the portable Schemas digest on every length around the block boundaries and on a 100 KB page")
    func agreesWithPortableDigest() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func nextByte() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        for count in Array(0...200) + [1_023, 1_024, 1_025, 100_000] {
            let bytes = (0..<count).map { _ in nextByte() }
            #expect(ContentDigest.sha256Hex(bytes) == SHA256.hex(bytes), "length \(count)")
        }
    }
}
