import ArgumentParser

/// `signaal`: the daemon and the operator's commands.
@main
struct SignaalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signaal",
        abstract: "Signaal: bottom-up signalering for Flemish social work.",
        discussion: "Every option can also be set through the environment variable named in its help; the option wins.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, ScrubCommand.self, ClusterCommand.self, ReclusterCommand.self, ThemesCommand.self,
            BriefCommand.self, KeysCommand.self, StaffCommand.self, ImportCommand.self,
        ]
    )
}
