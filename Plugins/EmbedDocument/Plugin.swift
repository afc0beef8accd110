import PackagePlugin

/// Embeds the target's `openapi.yaml` in its module as `OpenAPIDocument.yaml`, regenerated
/// whenever the document changes.
@main
struct EmbedDocumentPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let source = target as? SourceModuleTarget,
            let document = source.sourceFiles.first(where: { $0.url.lastPathComponent == "openapi.yaml" })
        else { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "OpenAPIDocument+Text.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(document.url.lastPathComponent)",
                executable: try context.tool(named: "embed-document").url,
                arguments: [document.url.path, output.path, "OpenAPIDocument"],
                inputFiles: [document.url],
                outputFiles: [output]
            )
        ]
    }
}
