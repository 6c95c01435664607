package dev.portcullis.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A test deployment of the core module as the build made it: its jar (EJBs, entities, the persistence unit, the
 * migrations), its libraries, the MCP engine and the tool-author API in {@code WEB-INF/lib} of a WAR, which is how EJB Lite deploys an EJB jar without
 * an EAR.
 */
public final class ProductWar {

    private ProductWar() {}

    /** A WAR named {@code name} with the built core jar, the MCP engine and its API as its libraries. */
    public static WebArchive named(String name) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addAsLibraries(
                        new File(System.getProperty("portcullis.core.jar")),
                        new File(System.getProperty("portcullis.mcp.jar")),
                        new File(System.getProperty("portcullis.mcp.api.jar")));
        File[] libraries =
                new File(System.getProperty("portcullis.core.libs")).listFiles((dir, file) -> file.endsWith(".jar"));
        if (libraries != null) {
            war.addAsLibraries(libraries);
        }
        return war.addClass(ProductWar.class);
    }
}
