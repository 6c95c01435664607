package dev.portcullis.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure of src/docs/architecture.md, checked over the compiled main classes of every module of the
 * EAR: no package cycle anywhere under {@code dev.portcullis}, the layers point one way (JSON, then support, then the
 * OAuth domain core, then services, then endpoints; nothing imports a layer above it), and a JAX-RS class's name
 * says what it is. The classes come from the modules' {@code target/classes}, which the reactor has built before
 * this module's test phase, so no server is needed.
 *
 * @see <a href="https://www.archunit.org/userguide/html/000_Index.html#_layer_checks">ArchUnit, layer checks</a>
 */
class ArchitectureTest {

    /** The modules whose classes make up the application (paths from this module's directory). */
    private static final List<String> MODULES = List.of(
            "../src/mcp-api",
            "../src/mcp-engine",
            "../src/core",
            "../src/authorization-server",
            "../war-module",
            "../src/demo");

    private static final String PATH = "jakarta.ws.rs.Path";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        Path base = Path.of(System.getProperty("basedir", "."));
        // -Darchitecture.classes=dir,dir checks other class directories (an older build, say) against the same rules.
        String others = System.getProperty("architecture.classes", "");
        List<Path> dirs = others.isBlank()
                ? MODULES.stream()
                        .map(m -> base.resolve(m).resolve("target/classes").normalize())
                        .toList()
                : Arrays.stream(others.split(",")).map(Path::of).toList();
        assertThat(dirs)
                .allSatisfy(dir ->
                        assertThat(Files.isDirectory(dir)).as(dir + " is built").isTrue());
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(dirs);
        assertThat(classes.containPackage("dev.portcullis.oauth.token")).isTrue();
    }

    /**
     * Every package is its own slice. The MCP engine's packages (src/mcp-engine) are in the rule too: none of them is
     * in a cycle today, so none is excluded.
     */
    @Test
    void noPackageCycles() {
        slices().matching("dev.portcullis.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void layersPointDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                // Endpoints: JAX-RS resources, filters and providers, pages, health checks, and the demo's tools.
                .layer("Endpoint")
                .definedBy(
                        "dev.portcullis.oauth.endpoints..",
                        "dev.portcullis.oauth.authorize..",
                        "dev.portcullis.oauth.console..",
                        "dev.portcullis.oauth.admin..",
                        "dev.portcullis.oauth.pages..",
                        "dev.portcullis.oauth.discovery..",
                        "dev.portcullis.pages..",
                        "dev.portcullis.health..",
                        "dev.portcullis.mcp.transport..",
                        "dev.portcullis.mcp.telemetry..",
                        "dev.portcullis.resourceserver..",
                        "dev.portcullis.demodownstream..",
                        "dev.portcullis.demo..")
                // Services: the OAuth logic (CDI beans and EJBs) and what it keeps in the database.
                .layer("Service")
                .definedBy(
                        "dev.portcullis.oauth.caller..",
                        "dev.portcullis.oauth.cimd..",
                        "dev.portcullis.oauth.client..",
                        "dev.portcullis.oauth.consent..",
                        "dev.portcullis.oauth.grant..",
                        "dev.portcullis.oauth.grants..",
                        "dev.portcullis.oauth.keys..",
                        "dev.portcullis.oauth.metadata..",
                        "dev.portcullis.oauth.registration..",
                        "dev.portcullis.oauth.revocation..",
                        "dev.portcullis.oauth.token..")
                // The OAuth domain core: clients, grants and errors as values.
                .layer("Domain")
                .definedBy("dev.portcullis.oauth.model..", "dev.portcullis.oauth.error..")
                // Support: configuration, audit, persistence, telemetry, platform and the MCP engine and API, none of
                // which knows OAuth. The engine is every dev.portcullis.mcp package but the web module's two.
                .layer("Support")
                .definedBy(resideInAnyPackage(
                                "dev.portcullis.config..",
                                "dev.portcullis.audit..",
                                "dev.portcullis.inspector..",
                                "dev.portcullis.persistence..",
                                "dev.portcullis.telemetry..",
                                "dev.portcullis.platform..")
                        .or(resideInAPackage("dev.portcullis.mcp..")
                                .and(not(resideInAnyPackage(
                                        "dev.portcullis.mcp.transport..", "dev.portcullis.mcp.telemetry..")))))
                // JSON, the bottom: the one reader of JSON text and the shared JSON-P provider; every module uses
                // them, and they import nothing of the application.
                .layer("Json")
                .definedBy("dev.portcullis.json..")
                .whereLayer("Endpoint")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Service")
                .mayOnlyBeAccessedByLayers("Endpoint")
                .whereLayer("Domain")
                .mayOnlyBeAccessedByLayers("Service", "Endpoint")
                .whereLayer("Support")
                .mayOnlyBeAccessedByLayers("Domain", "Service", "Endpoint")
                .whereLayer("Json")
                .mayOnlyBeAccessedByLayers("Support", "Domain", "Service", "Endpoint")
                .ensureAllClassesAreContainedInArchitecture()
                .check(classes);
    }

    /**
     * The naming rule of src/docs/architecture.md: a JAX-RS resource class ends in {@code Resource}, or {@code Page}
     * when it answers HTML pages; nothing else ends in {@code Page}; no resource or session bean ends in
     * {@code Endpoint} (the spec's word for a URL).
     */
    @Test
    void namesSayWhatAThingIs() {
        classes()
                .that()
                .areAnnotatedWith(PATH)
                .should()
                .haveSimpleNameEndingWith("Resource")
                .orShould()
                .haveSimpleNameEndingWith("Page")
                .check(classes);
        classes()
                .that()
                .areTopLevelClasses()
                .and()
                .haveSimpleNameEndingWith("Page")
                .should()
                .beAnnotatedWith(PATH)
                .check(classes);
        noClasses()
                .that()
                .areAnnotatedWith(PATH)
                .or()
                .areAnnotatedWith("jakarta.ejb.Stateless")
                .or()
                .areAnnotatedWith("jakarta.ejb.Singleton")
                .or()
                .areAnnotatedWith("jakarta.ejb.Stateful")
                .should()
                .haveSimpleNameEndingWith("Endpoint")
                .check(classes);
    }
}
