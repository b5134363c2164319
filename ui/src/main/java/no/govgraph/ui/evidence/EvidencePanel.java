package no.govgraph.ui.evidence;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import no.govgraph.backend.evidence.ClaimView;
import no.govgraph.backend.evidence.CurationService;
import no.govgraph.backend.evidence.Evidence;
import no.govgraph.backend.user.Role;
import no.govgraph.ui.document.DocumentView;
import no.govgraph.ui.session.CurrentUser;
import no.govgraph.ui.support.Notifications;
import no.govgraph.ui.support.Routes;

/**
 * The claims behind one relationship: each quote with its document (linked to the passage) and
 * page, how it was found and how sure, and its status; archivists accept or reject claims here.
 */
public class EvidencePanel extends VerticalLayout {

    private final CurationService curation;
    private Evidence evidence;

    public EvidencePanel(CurationService curation) {
        this.curation = curation;
        setPadding(false);
        setSpacing(true);
        addClassName("evidence-panel");
    }

    /** Loads and shows the evidence of {@code (subject)-[type]->(object)} (and period). */
    public void load(String type, String subject, String object, String period) {
        removeAll();
        try {
            evidence = curation.evidence(type, subject, object, period);
        } catch (RuntimeException e) {
            add(new Span(Notifications.message(e)));
            return;
        }
        show(evidence);
    }

    private void show(Evidence e) {
        removeAll();
        Span title = new Span(e.subject().name() + " — " + e.type() + " → "
                + e.object().name() + (e.period() == null ? "" : " (" + e.period() + ")"));
        title.getStyle().set("font-weight", "600");
        add(title);
        if (e.claims().isEmpty()) {
            add(new Span("No claims support this relationship."));
        }
        for (ClaimView claim : e.claims()) {
            add(claimCard(claim));
        }
    }

    private Div claimCard(ClaimView claim) {
        Div card = new Div();
        card.addClassName("claim");
        card.getElement().setAttribute("data-claim-id", claim.id());
        card.getStyle()
                .set("border-left", "4px solid var(--lumo-contrast-30pct)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("width", "100%")
                .set("box-sizing", "border-box");
        Div quote = new Div();
        quote.addClassName("claim-quote");
        quote.setText(claim.quote() == null ? "(no quote)" : "\u201c" + claim.quote() + "\u201d");
        quote.getStyle().set("font-style", "italic");
        card.add(quote);

        HorizontalLayout source = new HorizontalLayout();
        source.setAlignItems(FlexComponent.Alignment.BASELINE);
        source.getStyle().set("flex-wrap", "wrap");
        if (claim.documentId() != null) {
            String href = Routes.of(DocumentView.class, claim.documentId())
                    + (claim.passageId() == null ? "" : "#" + DocumentView.passageAnchor(claim.passageId()));
            Anchor doc = new Anchor(href, claim.documentTitle() == null ? claim.documentId() : claim.documentTitle());
            doc.addClassName("claim-document");
            source.add(doc);
        }
        if (claim.page() != null) {
            source.add(new Span("page " + claim.page()));
        }
        Span how = new Span(String.join(
                " · ",
                java.util.stream.Stream.of(
                                claim.method(),
                                claim.confidence() == null
                                        ? null
                                        : String.format(Locale.ROOT, "confidence %.2f", claim.confidence()))
                        .filter(s -> s != null)
                        .toList()));
        how.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span status = new Span(claim.status());
        status.getElement().getThemeList().add("badge");
        if ("accepted".equals(claim.status())) {
            status.getElement().getThemeList().add("success");
        } else if ("rejected".equals(claim.status())) {
            status.getElement().getThemeList().add("error");
        }
        status.addClassName("claim-status");
        source.add(how, status);
        card.add(source);

        if (CurrentUser.may(Role.ARCHIVIST)) {
            Button accept = new Button("Accept", ev -> curate(claim, true));
            Button reject = new Button("Reject", ev -> curate(claim, false));
            accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            accept.setAriaLabel("Accept the claim: " + (claim.quote() == null ? claim.id() : claim.quote()));
            reject.setAriaLabel("Reject the claim: " + (claim.quote() == null ? claim.id() : claim.quote()));
            accept.setEnabled(!"accepted".equals(claim.status()));
            reject.setEnabled(!"rejected".equals(claim.status()));
            card.add(new HorizontalLayout(accept, reject));
        }
        return card;
    }

    private void curate(ClaimView claim, boolean accept) {
        String user = CurrentUser.get().map(u -> u.username()).orElseThrow();
        try {
            if (accept) {
                curation.accept(claim.id(), user);
            } else {
                curation.reject(claim.id(), user);
            }
            Notifications.success(accept ? "Claim accepted." : "Claim rejected.");
            load(evidence.type(), evidence.subject().id(), evidence.object().id(), evidence.period());
        } catch (RuntimeException e) {
            Notifications.error(e);
        }
    }

    public Evidence evidence() {
        return evidence;
    }
}
