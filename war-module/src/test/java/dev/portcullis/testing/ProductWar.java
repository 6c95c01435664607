package dev.portcullis.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The product WAR as the build made it, ready for an Arquillian deployment. */
public final class ProductWar {

    private ProductWar() {
    }

    /** The built WAR under {@code name}, without its web.xml and with the MCP engine in WEB-INF/lib. */
    public static WebArchive named(String name) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name)
                .importFrom(new File(System.getProperty("portcullis.war")))
                .as(WebArchive.class);
        // The product's web.xml requires TLS; Arquillian's servlet protocol talks plain HTTP on loopback.
        war.delete("WEB-INF/web.xml");
        // In the EAR the MCP engine sits in lib/; deployed alone, the WAR carries it itself.
        war.addAsLibraries(new File(System.getProperty("portcullis.mcp.jar")));
        return war.addClass(ProductWar.class);
    }
}
