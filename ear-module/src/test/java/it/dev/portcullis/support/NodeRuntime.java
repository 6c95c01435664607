package it.dev.portcullis.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Node 22 and npm for the Node-based suites (the conformance suite, the end-to-end client journeys), fetched once
 * from the npm registry as integrity-checked tarballs into a shared tools directory, so a JDK is all a build needs.
 * The machine's own Node (if any) is never used: its version is not ours to pin.
 */
public final class NodeRuntime {

    public static final String NODE = "22.23.3";
    public static final String NPM = "10.9.3";
    public static final String REGISTRY = System.getProperty("it.npm.registry", "https://registry.npmjs.org");

    private final Path tools;

    public NodeRuntime(Path tools) {
        this.tools = tools;
    }

    /** Unpacks Node and npm into the tools directory unless an earlier build did. */
    public NodeRuntime install() throws IOException, InterruptedException {
        if (!Files.isExecutable(node())) {
            RegistryTarball.unpack(REGISTRY, nodePackage(), NODE, tools.resolve("node"));
        }
        if (!Files.exists(npmCli())) {
            RegistryTarball.unpack(REGISTRY, "npm", NPM, tools.resolve("npm"));
        }
        return this;
    }

    public Path node() {
        return tools.resolve("node/bin/node");
    }

    public Path npmCli() {
        return tools.resolve("npm/bin/npm-cli.js");
    }

    private static String nodePackage() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return "node-linux-" + (arch.contains("aarch64") || arch.contains("arm64") ? "arm64" : "x64");
    }
}
