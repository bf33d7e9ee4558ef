import Foundation
import PackagePlugin

/// Carries the numbered migrations of the package's top-level `sql/` folder into the target's resource bundle, so
/// that the built binary migrates from any folder: one copy command per file, rerun when the file changes. `sql/`
/// stays the single source of the schema; nothing is duplicated in the repository.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let sql = context.package.directoryURL.appending(path: "sql")
        let output = context.pluginWorkDirectoryURL.appending(path: "migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: sql.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        return files.map { name in
            let input = sql.appending(path: name)
            let copy = output.appending(path: name)
            return .buildCommand(
                displayName: "Embedding migration \(name)",
                executable: URL(fileURLWithPath: "/bin/cp"),
                arguments: [input.path, copy.path],
                inputFiles: [input],
                outputFiles: [copy]
            )
        }
    }
}
