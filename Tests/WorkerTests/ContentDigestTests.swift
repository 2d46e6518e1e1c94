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
        var random = PageFactory.SplitMix(seed: 7)
        for count in Array(0...200) + [1_023, 1_024, 1_025, 100_000] {
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next() >> 56) }
            #expect(ContentDigest.sha256Hex(bytes) == SHA256.hex(bytes), "length \(count)")
        }
    }
}
