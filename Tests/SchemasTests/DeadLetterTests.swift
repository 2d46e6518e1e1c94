import Testing

@testable import Schemas

@Suite("DeadLetter")
struct DeadLetterTests {
    @Test("kafka headers keep the original ones first and add every x-newsflow header")
    func headers() throws {
        let dl = DeadLetter(
            errorKind: .tooLarge, error: "page of 20000000 bytes exceeds 10485760", sourceTopic: "pages.raw",
            sourcePartition: 3, sourceOffset: 42, workerVersion: "1.0", key: nil, value: [1, 2, 3],
            headers: [.init(key: "url", value: Array("https://x.test".utf8))])
        let keys = dl.kafkaHeaders.map(\.key)
        #expect(keys == ["url", "x-newsflow-error-kind", "x-newsflow-error", "x-newsflow-source-topic",
                         "x-newsflow-source-partition", "x-newsflow-source-offset", "x-newsflow-worker-version"])
        #expect(dl.kafkaHeaders[1].value == Array("too_large".utf8))
        #expect(dl.kafkaHeaders[4].value == Array("3".utf8))
        let back = try RecordCoding.decode(DeadLetter.self, from: try RecordCoding.encode(dl))
        #expect(back == dl)
    }
}
