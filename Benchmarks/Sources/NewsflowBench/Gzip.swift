import CZlibBench

/// In-memory gunzip (corpus pages are `*.html.gz`; they are never unpacked on disk).
enum Gzip {
    struct Error: Swift.Error, CustomStringConvertible {
        var code: Int32
        var description: String { "zlib error \(code)" }
    }

    static func gunzip(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard newsflow_bench_inflate_init_gzip(&stream) == Z_OK else { throw Error(code: Z_STREAM_ERROR) }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        output.reserveCapacity(input.count * 5)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        return try input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END { return output }
                guard status == Z_OK else { throw Error(code: status) }
                if stream.avail_in == 0 && produced == 0 { throw Error(code: Z_BUF_ERROR) }
            }
        }
    }
}
