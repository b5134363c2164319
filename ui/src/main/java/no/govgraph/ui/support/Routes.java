package no.govgraph.ui.support;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;

/** Links to views that take an id (entity/:id, document/:id …), built by the router so ids are escaped. */
public final class Routes {

    private Routes() {}

    public static String of(Class<? extends Component> view, String id) {
        return RouteConfiguration.forApplicationScope().getUrl(view, new RouteParameters("id", id));
    }
}
