import ArgumentParser

/// The `newsflow` command: raw news pages in, structured article records out.
@main
struct Newsflow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsflow",
        abstract: "Turns raw news pages from Kafka into clean, structured article records.",
        version: NewsflowVersion.current,
        subcommands: [RunCommand.self, ExtractCommand.self, DemoCommand.self, ReplayCommand.self]
    )
}
