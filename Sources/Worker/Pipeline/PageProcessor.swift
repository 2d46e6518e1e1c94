import Extraction
import Foundation
import Schemas

/// Turns one input message into the one message to publish for it: the article record, or a dead
/// letter that keeps the original bytes and says why. Pure and thread-safe; the pipeline calls it
/// from its extraction threads.
struct PageProcessor: Sendable {
    /// Pages larger than this become `too_large` dead letters.
    var maxPageBytes: Int
    /// Written into dead letters as `x-newsflow-worker-version`.
    var workerVersion: String
    var extractor: ArticleExtractor

    init(maxPageBytes: Int, workerVersion: String = NewsflowVersion.current, extractor: ArticleExtractor = ArticleExtractor()) {
        self.maxPageBytes = maxPageBytes
        self.workerVersion = workerVersion
        self.extractor = extractor
    }

    /// Headers copied from the input to the output record (W3C trace context).
    static let propagatedHeaders: Set<String> = ["traceparent", "tracestate"]

    /// The outcome for `message`, with the kind of dead letter when it is one.
    func process(_ message: InputMessage) -> (output: OutputMessage, deadLetterKind: DeadLetter.ErrorKind?) {
        if message.value.count > maxPageBytes {
            return deadLetter(message, .tooLarge, "page of \(message.value.count) bytes exceeds the limit of \(maxPageBytes) bytes")
        }
        let page: RawPage
        do {
            page = try RawPage.decode(value: message.value, headers: message.headers)
        } catch {
            return deadLetter(message, .invalidEnvelope, error.message)
        }
        if page.body.count > maxPageBytes {
            return deadLetter(message, .tooLarge, "page of \(page.body.count) bytes exceeds the limit of \(maxPageBytes) bytes")
        }
        var record: ArticleRecord
        do {
            record = try extractor.extract(page)
        } catch {
            return deadLetter(message, Self.kind(of: error), "\(error)")
        }
        record.source = .init(
            topic: message.topic, partition: message.partition, offset: message.offset,
            contentSHA256: ContentDigest.sha256Hex(message.value))
        let value: [UInt8]
        do {
            value = try RecordCoding.encode(record)
        } catch {
            return deadLetter(message, .extractionFailed, "record could not be encoded: \(error)")
        }
        var headers = [OutputMessage.Header(key: "content-type", value: Array("application/json".utf8))]
        for h in message.headers where Self.propagatedHeaders.contains(h.key.lowercased()) {
            headers.append(.init(key: h.key.lowercased(), value: h.value))
        }
        return (OutputMessage(destination: .records, key: Array(record.id.utf8), value: value, headers: headers), nil)
    }

    /// The dead-letter kind for an extraction error.
    static func kind(of error: ExtractionError) -> DeadLetter.ErrorKind {
        switch error.code {
        case .tooLarge: return .tooLarge
        case .treeTooLarge, .timeLimit: return .extractionLimit
        case .empty, .unparseable: return .unparseable
        default: return .extractionFailed
        }
    }

    private func deadLetter(_ m: InputMessage, _ kind: DeadLetter.ErrorKind, _ reason: String) -> (output: OutputMessage, deadLetterKind: DeadLetter.ErrorKind?) {
        let dl = DeadLetter(
            errorKind: kind, error: reason, sourceTopic: m.topic, sourcePartition: m.partition,
            sourceOffset: m.offset, workerVersion: workerVersion, key: m.key, value: m.value,
            headers: m.headers.map { .init(key: $0.key, value: $0.value) })
        let headers = dl.kafkaHeaders.map { OutputMessage.Header(key: $0.key, value: $0.value) }
        return (OutputMessage(destination: .deadLetters, key: m.key, value: m.value, headers: headers), kind)
    }
}
