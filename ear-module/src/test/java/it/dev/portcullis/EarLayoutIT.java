package it.dev.portcullis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR's structure, which the security of the login depends on: only the root web module declares the
 * MicroProfile JWT login, the authorization server's module declares only the realm's FORM login, and no Java
 * package is split across modules (each module has its own class loader on every server, so a split package would
 * fail with IllegalAccessError at the first package-private access across the split). Its lib/ holds the tool-author
 * API and the MCP engine as two jars, the API's holding exactly {@code dev.portcullis.mcp.api}.
 */
class EarLayoutIT {

    private static final Path EAR = Path.of(System.getProperty("it.ear.file", "target/portcullis.ear"));
    private static final Map<String, Map<String, byte[]>> MODULES = new HashMap<>();
    private static final Map<String, Set<String>> LIB_PACKAGES = new TreeMap<>();

    @BeforeAll
    static void readModules() throws IOException {
        try (ZipFile ear = new ZipFile(EAR.toFile())) {
            for (String module : Set.of("portcullis.war", "portcullis-oauth.war", "portcullis-core.jar")) {
                ZipEntry entry = ear.getEntry(module);
                assertThat(entry).as(module + " in " + EAR).isNotNull();
                MODULES.put(module, entries(ear.getInputStream(entry)));
            }
            for (ZipEntry entry : Collections.list(ear.entries())) {
                String name = entry.getName();
                if (name.startsWith("lib/dev.portcullis-portcullis-mcp") && name.endsWith(".jar")) {
                    Set<String> packages = new TreeSet<>();
                    entries(ear.getInputStream(entry)).keySet().stream()
                            .filter(e -> e.endsWith(".class"))
                            .map(e -> e.substring(0, e.lastIndexOf('/')).replace('/', '.'))
                            .forEach(packages::add);
                    LIB_PACKAGES.put(name.substring("lib/".length()), packages);
                }
            }
        }
    }

    private static Map<String, byte[]> entries(InputStream archive) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(String module, String entry) {
        byte[] bytes = MODULES.get(module).get(entry);
        assertThat(bytes).as(entry + " in " + module).isNotNull();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheRootModuleLogsInWithBearerTokens() {
        assertThat(text("portcullis.war", "WEB-INF/web.xml")).contains("<auth-method>MP-JWT</auth-method>");
        String oauth = text("portcullis-oauth.war", "WEB-INF/web.xml");
        assertThat(oauth).contains("<auth-method>FORM</auth-method>").doesNotContain("MP-JWT");
        for (Map.Entry<String, byte[]> entry :
                MODULES.get("portcullis-oauth.war").entrySet()) {
            if (entry.getKey().endsWith(".class")) {
                assertThat(new String(entry.getValue(), StandardCharsets.ISO_8859_1))
                        .as(entry.getKey())
                        .doesNotContain("org/eclipse/microprofile/auth/LoginConfig");
            }
        }
    }

    @Test
    void noPackageIsSplitAcrossModules() {
        Map<String, Set<String>> modulesOfPackage = new TreeMap<>();
        MODULES.forEach((module, entries) -> entries.keySet().stream()
                .filter(name -> name.endsWith(".class"))
                .map(name -> name.replaceFirst("^WEB-INF/classes/", ""))
                .map(name -> name.substring(0, Math.max(0, name.lastIndexOf('/'))))
                .forEach(pkg -> modulesOfPackage
                        .computeIfAbsent(pkg, p -> new TreeSet<>())
                        .add(module)));
        assertThat(modulesOfPackage).isNotEmpty();
        modulesOfPackage.forEach((pkg, modules) -> assertThat(modules).as(pkg).hasSize(1));
    }

    @Test
    void libHoldsTheToolApiAndTheEngineAsTwoJars() {
        assertThat(LIB_PACKAGES.keySet())
                .as("lib/ of " + EAR)
                .hasSize(2)
                .anyMatch(jar -> jar.startsWith("dev.portcullis-portcullis-mcp-api-"))
                .anyMatch(jar -> jar.matches("dev\\.portcullis-portcullis-mcp-\\d.*"));
        LIB_PACKAGES.forEach((jar, packages) -> {
            if (jar.startsWith("dev.portcullis-portcullis-mcp-api-")) {
                assertThat(packages).as(jar).containsExactly("dev.portcullis.mcp.api");
            } else {
                assertThat(packages)
                        .as(jar)
                        .contains("dev.portcullis.mcp.server", "dev.portcullis.mcp.tools")
                        .doesNotContain("dev.portcullis.mcp.api");
            }
        });
    }

    @Test
    void theWebModulesCarryNoCopyOfTheCore() {
        for (String war : Set.of("portcullis.war", "portcullis-oauth.war")) {
            assertThat(MODULES.get(war).keySet()).as(war).noneMatch(name -> name.startsWith("WEB-INF/lib/"));
        }
    }
}
