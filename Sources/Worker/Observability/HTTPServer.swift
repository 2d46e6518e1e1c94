import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

/// Serves `/metrics` (Prometheus text format), `/health/live` and `/health/ready` on plain NIO.
struct HTTPServer: Service {
    var host: String
    var port: Int
    var metrics: WorkerMetrics
    var health: HealthState
    var logger: Logger

    func run() async throws {
        let group = MultiThreadedEventLoopGroup.singleton
        let metrics = self.metrics
        let health = self.health
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(metrics: metrics, health: health))
                }
            }
            .bind(host: host, port: port).get()
        logger.info("http server listening", metadata: ["address": "\(host):\(channel.localAddress?.port ?? port)"])
        try await withGracefulShutdownHandler {
            try await channel.closeFuture.get()
        } onGracefulShutdown: {
            channel.close(promise: nil)
        }
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let metrics: WorkerMetrics
        let health: HealthState
        private var path = "/"
        private var keepAlive = false

        init(metrics: WorkerMetrics, health: HealthState) {
            self.metrics = metrics
            self.health = health
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                path = String(head.uri.split(separator: "?", maxSplits: 1).first ?? "/")
                keepAlive = head.isKeepAlive
            case .body:
                break
            case .end:
                let (status, type, body) = respond()
                var headers = HTTPHeaders()
                headers.add(name: "content-type", value: type)
                headers.add(name: "content-length", value: String(body.count))
                if !keepAlive { headers.add(name: "connection", value: "close") }
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
                let keep = keepAlive
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                    if !keep { channel.close(promise: nil) }
                }
            }
        }

        private func respond() -> (HTTPResponseStatus, String, [UInt8]) {
            switch path {
            case "/metrics":
                return (.ok, "text/plain; version=0.0.4; charset=utf-8", metrics.exposition())
            case "/health/live":
                if let failure = health.failure { return (.serviceUnavailable, "text/plain", Array("failed: \(failure)\n".utf8)) }
                return (.ok, "text/plain", Array("ok\n".utf8))
            case "/health/ready":
                return health.isReady ? (.ok, "text/plain", Array("ready\n".utf8))
                    : (.serviceUnavailable, "text/plain", Array("not ready\n".utf8))
            default:
                return (.notFound, "text/plain", Array("not found\n".utf8))
            }
        }
    }
}
