package dev.portcullis.mcp.tools;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The portable CDI extension that finds feature methods on every managed bean of the application, including
 * beans in jars under the EAR's {@code lib/}, and validates them in {@link AfterDeploymentValidation}: any problem
 * fails the deployment with a message naming the class and method. Feature beans need a bean-defining annotation
 * (such as {@code @ApplicationScoped}); nothing adds one for them.
 *
 * @see <a href="https://jakarta.ee/specifications/cdi/4.0/jakarta-cdi-spec-4.0#init_events">CDI 4.0 container lifecycle events</a>
 */
public class FeatureDiscoveryExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(FeatureDiscoveryExtension.class.getName());

    private final List<Bean<?>> beans = new ArrayList<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private volatile FeatureRegistry registry = FeatureRegistry.empty();

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> method : event.getAnnotatedBeanClass().getMethods()) {
            if (FeatureRegistryBuilder.isFeature(method.getJavaMember())) {
                beans.add(event.getBean());
                classes.add(event.getAnnotatedBeanClass().getJavaClass());
                return;
            }
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager manager) {
        FeatureRegistryBuilder builder = new FeatureRegistryBuilder();
        for (int i = 0; i < beans.size(); i++) {
            builder.addBean(classes.get(i), new BeanReference(manager, beans.get(i)));
        }
        List<String> problems = builder.problems();
        if (problems.isEmpty()) {
            registry = builder.build();
            LOG.info(() -> "MCP features: " + registry.tools().size() + " tools, "
                    + registry.resources().size()
                    + " resources, " + registry.resourceTemplates().size() + " resource templates, "
                    + registry.prompts().size() + " prompts");
        } else {
            problems.forEach(p -> {
                LOG.severe(p);
                event.addDeploymentProblem(new FeatureDeploymentProblem(p));
            });
        }
    }

    /** The features found when the application deployed. */
    public FeatureRegistry registry() {
        return registry;
    }

    /** Looks a bean up once per use for dependent beans, once for ever for normal-scoped ones (a client proxy). */
    private static final class BeanReference implements Supplier<Object> {
        private final BeanManager manager;
        private final Bean<?> bean;
        private volatile Object proxy;

        BeanReference(BeanManager manager, Bean<?> bean) {
            this.manager = manager;
            this.bean = bean;
        }

        @Override
        public Object get() {
            Object cached = proxy;
            if (cached != null) {
                return cached;
            }
            CreationalContext<?> context = manager.createCreationalContext(bean);
            Object reference = manager.getReference(bean, bean.getBeanClass(), context);
            if (manager.isNormalScope(bean.getScope())) {
                proxy = reference;
            }
            return reference;
        }
    }

    /** A deployment problem without a stack trace: the message says everything. */
    static final class FeatureDeploymentProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FeatureDeploymentProblem(String message) {
            super(message, null, false, false);
        }
    }
}
