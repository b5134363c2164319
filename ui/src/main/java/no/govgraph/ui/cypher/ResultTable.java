package no.govgraph.ui.cypher;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A query result as a table: sortable by any column (over all rows, not only the page shown) and
 * paged, {@value #PAGE_SIZE} rows a page.
 */
class ResultTable extends VerticalLayout {

    static final int PAGE_SIZE = 50;

    private final Grid<List<Object>> grid = new Grid<>();
    private final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    private final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    private final Span position = new Span();
    private List<List<Object>> rows = List.of();
    private List<List<Object>> sorted = List.of();
    private int page;

    ResultTable() {
        setPadding(false);
        setSpacing(false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setWidthFull();
        grid.setHeight("420px");
        grid.setMultiSort(false);
        grid.addSortListener(e -> sort(e.getSortOrder()));
        grid.getElement().setAttribute("aria-label", "Query result");
        previous.addClickListener(e -> page(page - 1));
        next.addClickListener(e -> page(page + 1));
        previous.setAriaLabel("Previous page");
        next.setAriaLabel("Next page");
        position.setId("result-position");
        HorizontalLayout pager = new HorizontalLayout(previous, position, next);
        pager.setAlignItems(FlexComponent.Alignment.CENTER);
        add(grid, pager);
    }

    void show(List<String> columns, List<List<Object>> resultRows) {
        grid.removeAllColumns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            grid.addColumn(row -> CellText.of(row.get(index)))
                    .setHeader(columns.get(i))
                    .setKey("c" + i)
                    .setSortable(true)
                    .setComparator((a, b) -> CellText.compare(a.get(index), b.get(index)))
                    .setResizable(true)
                    .setAutoWidth(columns.size() <= 6)
                    .setTooltipGenerator(row -> CellText.of(row.get(index)));
        }
        rows = List.copyOf(resultRows);
        sorted = rows;
        page(0);
    }

    private void sort(List<GridSortOrder<List<Object>>> orders) {
        if (orders.isEmpty()) {
            sorted = rows;
        } else {
            GridSortOrder<List<Object>> order = orders.get(0);
            int index = Integer.parseInt(order.getSorted().getKey().substring(1));
            Comparator<List<Object>> comparator = (a, b) -> CellText.compare(a.get(index), b.get(index));
            if (order.getDirection() == SortDirection.DESCENDING) {
                comparator = comparator.reversed();
            }
            List<List<Object>> copy = new ArrayList<>(rows);
            copy.sort(comparator);
            sorted = copy;
        }
        page(0);
    }

    private void page(int requested) {
        int pages = Math.max(1, (sorted.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        page = Math.max(0, Math.min(requested, pages - 1));
        int from = page * PAGE_SIZE;
        int to = Math.min(sorted.size(), from + PAGE_SIZE);
        // The page's rows in their sorted order; the grid must not sort them again by itself.
        List<List<Object>> slice = sorted.subList(from, to);
        grid.setItems(query -> slice.stream().skip(query.getOffset()).limit(query.getLimit()), query -> slice.size());
        position.setText(sorted.isEmpty() ? "No rows" : "Rows " + (from + 1) + "–" + to + " of " + sorted.size());
        previous.setEnabled(page > 0);
        next.setEnabled(page < pages - 1);
    }

    int currentPage() {
        return page;
    }

    List<List<Object>> visibleRows() {
        int from = page * PAGE_SIZE;
        return sorted.subList(from, Math.min(sorted.size(), from + PAGE_SIZE));
    }

    Grid<List<Object>> grid() {
        return grid;
    }
}
