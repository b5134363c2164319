package no.govgraph.ui.support;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;
import io.micronaut.context.ApplicationContext;

/**
 * Lets Micronaut create the views and components it knows (annotated {@code @Prototype}), so they
 * receive the backend's services through their constructors; everything else Vaadin creates itself.
 */
public class MicronautInstantiatorFactory implements InstantiatorFactory {

    @Override
    public Instantiator createInstantitor(VaadinService service) {
        return new MicronautInstantiator(service);
    }

    static final class MicronautInstantiator extends DefaultInstantiator {

        MicronautInstantiator(VaadinService service) {
            super(service);
        }

        @Override
        public <T> T getOrCreate(Class<T> type) {
            ApplicationContext beans = UiContext.beans();
            if (beans.containsBean(type)) {
                return beans.getBean(type);
            }
            return super.getOrCreate(type);
        }
    }
}
