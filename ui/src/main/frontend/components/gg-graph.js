// <gg-graph>: an interactive graph of govgraph's {nodes, edges} shape, drawn by Cytoscape.js.
//
// Every text from the graph (captions, types, property values) reaches the page through Lit text
// bindings or textContent, or is drawn on Cytoscape's canvas: never as HTML.
import { LitElement, html, css } from 'lit';
import cytoscape from 'cytoscape';

const STYLES = {
  Office: { color: '#1f77b4', shape: 'round-rectangle' },
  Partner: { color: '#2ca02c', shape: 'hexagon' },
  Leader: { color: '#d62728', shape: 'ellipse' },
  Tool: { color: '#9467bd', shape: 'diamond' },
  Outcome: { color: '#ff7f0e', shape: 'star' },
  Document: { color: '#7f7f7f', shape: 'rectangle' },
  Passage: { color: '#bcbd22', shape: 'tag' },
  Claim: { color: '#17becf', shape: 'triangle' },
};
const FALLBACK_COLORS = ['#8c564b', '#e377c2', '#393b79', '#637939', '#843c39', '#7b4173'];
const LAYOUTS = {
  cose: { name: 'cose', label: 'Force-directed' },
  concentric: { name: 'concentric', label: 'Concentric' },
  breadthfirst: { name: 'breadthfirst', label: 'Breadth-first' },
};

function labelOf(node) {
  const labels = node.labels || [];
  return labels.find((l) => STYLES[l]) || labels[0] || 'Node';
}

function styleOf(label) {
  if (STYLES[label]) return STYLES[label];
  let hash = 0;
  for (const ch of label) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return { color: FALLBACK_COLORS[Math.abs(hash) % FALLBACK_COLORS.length], shape: 'ellipse' };
}

function shorten(text, max) {
  const s = String(text ?? '');
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

export class GgGraph extends LitElement {
  static properties = {
    layout: { type: String },
    maxVisible: { type: Number, attribute: 'max-visible' },
    rootId: { type: String, attribute: 'root-id' },
    _labels: { state: true },
    _types: { state: true },
    _hiddenLabels: { state: true },
    _hiddenTypes: { state: true },
    _status: { state: true },
    _selected: { state: true },
  };

  static styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 320px;
      border: 1px solid var(--lumo-contrast-20pct, #ccc);
      border-radius: var(--lumo-border-radius-m, 4px);
      background: var(--lumo-base-color, #fff);
      font-family: var(--lumo-font-family, sans-serif);
      font-size: var(--lumo-font-size-s, 14px);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: center;
      padding: 4px;
      border-bottom: 1px solid var(--lumo-contrast-10pct, #eee);
    }
    button, select {
      font: inherit;
      padding: 2px 8px;
      min-height: 28px;
      border-radius: var(--lumo-border-radius-s, 3px);
      border: 1px solid var(--lumo-contrast-30pct, #bbb);
      background: var(--lumo-contrast-5pct, #f5f5f5);
      color: var(--lumo-body-text-color, #222);
      cursor: pointer;
    }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible, select:focus-visible, input:focus-visible {
      outline: 2px solid var(--lumo-primary-color, #1676f3);
      outline-offset: 1px;
    }
    .body { position: relative; flex: 1; display: flex; min-height: 0; }
    .canvas { flex: 1; min-width: 0; min-height: 240px; }
    .legend {
      width: 180px;
      flex: none;
      overflow: auto;
      padding: 6px;
      border-left: 1px solid var(--lumo-contrast-10pct, #eee);
    }
    .legend h4 { margin: 6px 0 2px; font-size: inherit; }
    .legend label { display: flex; align-items: center; gap: 4px; white-space: nowrap; }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; flex: none; }
    .status { padding: 2px 6px; color: var(--lumo-secondary-text-color, #666); }
    @media (max-width: 640px) {
      .body { flex-direction: column; }
      .legend { width: auto; border-left: none; border-top: 1px solid var(--lumo-contrast-10pct, #eee); max-height: 120px; }
    }
  `;

  constructor() {
    super();
    this.layout = 'cose';
    this.maxVisible = 300;
    this.rootId = null;
    this._labels = [];
    this._types = [];
    this._hiddenLabels = new Set();
    this._hiddenTypes = new Set();
    this._status = '';
    this._selected = 0;
    this._total = {};
    this._pending = null;
  }

  render() {
    return html`
      <div class="toolbar" role="toolbar" aria-label="Graph tools">
        <label>Layout
          <select aria-label="Layout" @change=${(e) => this.setLayout(e.target.value)}>
            ${Object.entries(LAYOUTS).map(([key, l]) =>
              html`<option value=${key} ?selected=${key === this.layout}>${l.label}</option>`)}
          </select>
        </label>
        <button part="fit" @click=${() => this.fit()} title="Fit the graph to the view">Fit</button>
        <button @click=${() => this._pinSelected()} ?disabled=${this._selected === 0}
          title="Pin the selected nodes where they are">Pin</button>
        <button @click=${() => this._collapseSelected()} ?disabled=${this._selected === 0}
          title="Remove the neighbours that only the selected nodes connect">Collapse</button>
        <button @click=${() => this._hideSelected()} ?disabled=${this._selected === 0}
          title="Hide the selected nodes">Hide</button>
        <button @click=${() => this._showHidden()} title="Show hidden nodes again">Show all</button>
        <button @click=${() => this.exportPng()} title="Download the graph as a PNG image">PNG</button>
        <button @click=${() => this.exportGraphml()} title="Download the graph as GraphML (Gephi, Cytoscape)">GraphML</button>
        <span class="status" role="status" aria-live="polite">${this._status}</span>
      </div>
      <div class="body">
        <div class="canvas" id="cy" role="img" aria-label="Graph; double-click a node to expand it, click an edge for its evidence"></div>
        <div class="legend" aria-label="Legend and filters">
          <h4>Node labels</h4>
          ${this._labels.map((l) => html`
            <label><input type="checkbox" .checked=${!this._hiddenLabels.has(l)}
                @change=${(e) => this._toggle(this._hiddenLabels, l, e.target.checked)}>
              <span class="swatch" style="background:${styleOf(l).color}"></span>${l}</label>`)}
          <h4>Relationship types</h4>
          ${this._types.map((t) => html`
            <label><input type="checkbox" .checked=${!this._hiddenTypes.has(t)}
                @change=${(e) => this._toggle(this._hiddenTypes, t, e.target.checked)}>${t}</label>`)}
        </div>
      </div>`;
  }

  firstUpdated() {
    this._cy = cytoscape({
      container: this.renderRoot.getElementById('cy'),
      elements: [],
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      // Large graphs: draw a cached texture while panning and zooming.
      textureOnViewport: false,
      hideEdgesOnViewport: false,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            shape: 'data(shape)',
            label: 'data(display)',
            'font-size': 10,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-wrap': 'wrap',
            'text-max-width': 120,
            'min-zoomed-font-size': 6,
            width: 26,
            height: 26,
            'border-width': 1,
            'border-color': '#fff',
          },
        },
        { selector: 'node.root', style: { width: 36, height: 36, 'border-width': 3, 'border-color': '#333' } },
        { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#000', 'border-style': 'double' } },
        { selector: 'node:selected', style: { 'overlay-color': '#1676f3', 'overlay-opacity': 0.25 } },
        { selector: '.filtered, .hidden', style: { display: 'none' } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#999',
            'target-arrow-color': '#999',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(type)',
            'font-size': 8,
            'text-rotation': 'autorotate',
            'text-background-color': '#fff',
            'text-background-opacity': 0.8,
            'min-zoomed-font-size': 7,
          },
        },
        { selector: 'edge:selected', style: { width: 3, 'line-color': '#1676f3', 'target-arrow-color': '#1676f3' } },
      ],
    });
    const cy = this._cy;
    cy.on('dbltap', 'node', (e) => this._fire('gg-expand', { id: e.target.id() }));
    cy.on('tap', 'node', (e) => this._fire('gg-node-click', { id: e.target.id() }));
    cy.on('tap', 'edge', (e) => {
      const d = e.target.data();
      this._fire('gg-edge-click', { id: d.id, type: d.type, source: d.source, target: d.target });
    });
    cy.on('select unselect', 'node', () => { this._selected = cy.$('node:selected').length; });
    if (this._pending) {
      const pending = this._pending;
      this._pending = null;
      this._apply(pending.graph, pending.replace);
    }
  }

  _fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Replaces the graph. {@code json} is {nodes, edges, more?}. */
  setGraph(json) {
    this._load(json, true);
  }

  /** Adds nodes and edges (after an expansion), keeping what is there and where it is. */
  addGraph(json) {
    this._load(json, false);
  }

  _load(json, replace) {
    const graph = typeof json === 'string' ? JSON.parse(json) : json;
    if (!this._cy) {
      this._pending = { graph, replace };
      return;
    }
    this._apply(graph, replace);
  }

  _apply(graph, replace) {
    const cy = this._cy;
    const started = performance.now();
    if (replace) {
      cy.elements().remove();
      this._total = {};
    }
    // The server counts, per node, the relationships it left out of this answer (relationships, not
    // neighbours: an office with figures for five years of an outcome has five); with the ones it
    // sent, that is how many the node has in all, whatever is on screen later.
    const sent = {};
    for (const e of graph.edges || []) {
      (sent[e.source] ??= new Set()).add(e.id);
      (sent[e.target] ??= new Set()).add(e.id);
    }
    for (const n of graph.nodes || []) {
      const total = (sent[n.id]?.size || 0) + ((graph.more || {})[n.id] || 0);
      this._total[n.id] = Math.max(this._total[n.id] || 0, total);
    }
    const added = [];
    cy.batch(() => {
      for (const n of graph.nodes || []) {
        if (cy.getElementById(n.id).nonempty()) continue;
        const label = labelOf(n);
        const st = styleOf(label);
        added.push(cy.add({
          group: 'nodes',
          data: {
            id: n.id,
            label,
            labels: n.labels || [],
            caption: shorten(n.caption, 40),
            color: st.color,
            shape: st.shape,
            display: shorten(n.caption, 40),
          },
          classes: n.id === this.rootId ? 'root' : '',
        }));
      }
      for (const e of graph.edges || []) {
        if (cy.getElementById(e.id).nonempty()) continue;
        if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) continue;
        added.push(cy.add({ group: 'edges', data: { id: e.id, type: e.type, source: e.source, target: e.target } }));
      }
    });
    this._applyCap();
    this._refreshLegend();
    this._applyFilters();
    const fresh = cy.collection(added).nodes();
    if (!replace) {
      // New nodes start next to the node they hang off, so an expansion grows from where it was asked.
      fresh.forEach((n) => {
        const anchor = n.neighborhood('node').difference(fresh)[0];
        if (anchor) {
          const p = anchor.position();
          n.position({ x: p.x + (Math.random() - 0.5) * 80, y: p.y + (Math.random() - 0.5) * 80 });
        }
      });
    }
    if (replace || fresh.length > 0) {
      this._runLayout(replace ? null : fresh);
    }
    const ms = Math.round(performance.now() - started);
    this.setAttribute('data-render-ms', String(ms));
    this.setAttribute('data-nodes', String(cy.nodes().length));
    this.setAttribute('data-edges', String(cy.edges().length));
  }

  /**
   * Keeps at most maxVisible nodes on screen: the root, pinned nodes and those closest to the root
   * stay; the others are hidden, and their relationships counted in a "+N more relationships" badge on
   * their visible neighbours.
   */
  _applyCap() {
    const cy = this._cy;
    cy.nodes().removeClass('hidden-cap');
    const nodes = cy.nodes();
    let keep = nodes;
    if (nodes.length > this.maxVisible) {
      const root = this.rootId ? cy.getElementById(this.rootId) : cy.collection();
      const order = [];
      if (root.nonempty()) {
        cy.elements().bfs({ roots: root, visit: (v) => { order.push(v); } });
      }
      const seen = new Set(order.map((n) => n.id()));
      const rest = nodes.filter((n) => !seen.has(n.id())).sort((a, b) => b.degree() - a.degree());
      const ranked = order.concat(rest.toArray());
      keep = cy.collection(ranked.slice(0, this.maxVisible)).union(nodes.filter('.pinned'));
    }
    const capped = nodes.difference(keep);
    capped.addClass('hidden');
    capped.data('capped', true);
    keep.data('capped', false);
    keep.forEach((n) => {
      const loaded = n.connectedEdges();
      const toCapped = loaded.filter((e) => e.source().data('capped') || e.target().data('capped')).length;
      const notLoaded = Math.max(0, (this._total[n.id()] || 0) - loaded.length);
      const more = toCapped + notLoaded;
      n.data('more', more);
      n.data('display', more > 0 ? `${n.data('caption')}\n+${more} more relationships` : n.data('caption'));
    });
    keep.filter((n) => !n.hasClass('user-hidden')).removeClass('hidden');
    this._status = capped.length > 0
      ? `${keep.length} of ${nodes.length} nodes shown`
      : `${nodes.length} nodes, ${cy.edges().length} relationships`;
  }

  _refreshLegend() {
    const labels = new Set();
    const types = new Set();
    this._cy.nodes().forEach((n) => labels.add(n.data('label')));
    this._cy.edges().forEach((e) => types.add(e.data('type')));
    this._labels = [...labels].sort();
    this._types = [...types].sort();
  }

  _toggle(set, key, visible) {
    const next = new Set(set);
    if (visible) next.delete(key); else next.add(key);
    if (set === this._hiddenLabels) this._hiddenLabels = next; else this._hiddenTypes = next;
    this._applyFilters();
  }

  _applyFilters() {
    const cy = this._cy;
    cy.batch(() => {
      cy.elements().removeClass('filtered');
      cy.nodes().filter((n) => this._hiddenLabels.has(n.data('label'))).addClass('filtered');
      cy.edges().filter((e) => this._hiddenTypes.has(e.data('type'))).addClass('filtered');
    });
  }

  setLayout(name) {
    if (!LAYOUTS[name]) return;
    this.layout = name;
    this._runLayout(null);
  }

  _runLayout(onlyNew) {
    const cy = this._cy;
    const visible = cy.elements().not('.hidden, .filtered');
    const big = visible.nodes().length > 200;
    let options;
    if (this.layout === 'concentric') {
      options = { name: 'concentric', concentric: (n) => (n.id() === this.rootId ? 100 : n.degree()), levelWidth: () => 2, minNodeSpacing: 20 };
    } else if (this.layout === 'breadthfirst') {
      const root = this.rootId && cy.getElementById(this.rootId).nonempty() ? cy.getElementById(this.rootId) : undefined;
      options = { name: 'breadthfirst', directed: false, roots: root, spacingFactor: 1.1 };
    } else {
      options = {
        name: 'cose',
        randomize: !onlyNew,
        // Fewer iterations on big graphs keep the page responsive (about a second at 500 nodes).
        numIter: big ? 300 : 1000,
        nodeRepulsion: () => 8000,
        idealEdgeLength: () => 60,
        nodeOverlap: 8,
      };
    }
    visible.layout({ ...options, animate: false, fit: true, padding: 30 }).run();
    // A handful of nodes fitted to the canvas would be drawn huge: keep them at a readable size.
    if (cy.zoom() > 1.4) {
      cy.zoom(1.4);
      cy.center(visible);
    }
  }

  fit() {
    this._cy?.fit(this._cy.elements().not('.hidden, .filtered'), 20);
  }

  _pinSelected() {
    this._cy.$('node:selected').forEach((n) => {
      if (n.locked()) { n.unlock(); n.removeClass('pinned'); } else { n.lock(); n.addClass('pinned'); }
    });
  }

  _hideSelected() {
    this._cy.$('node:selected').addClass('hidden user-hidden').unselect();
  }

  _showHidden() {
    this._cy.nodes('.user-hidden').removeClass('user-hidden');
    this._hiddenLabels = new Set();
    this._hiddenTypes = new Set();
    this._applyCap();
    this._applyFilters();
  }

  /** Removes the selected nodes' neighbours that nothing else on screen connects to. */
  _collapseSelected() {
    const cy = this._cy;
    const selected = cy.$('node:selected');
    const leaves = selected.neighborhood('node').filter((m) =>
      !m.hasClass('root') && !m.locked() && m.neighborhood('node').difference(selected).length === 0);
    const removed = leaves.length;
    leaves.remove();
    this._applyCap();
    this._refreshLegend();
    this._fire('gg-collapse', { ids: selected.map((n) => n.id()), removed });
  }

  /** Ids of the nodes now in the graph (shown or hidden), for tests and the server. */
  nodeIds() {
    return this._cy ? this._cy.nodes().map((n) => n.id()) : [];
  }

  exportPng() {
    const blob = this._cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 });
    this._download(blob, 'govgraph.png');
  }

  exportGraphml() {
    this._download(new Blob([this.graphml()], { type: 'application/xml' }), 'govgraph.graphml');
  }

  /** The visible graph as GraphML; built with the DOM so every value is escaped as XML text. */
  graphml() {
    const ns = 'http://graphml.graphdrawing.org/xmlns';
    const doc = document.implementation.createDocument(ns, 'graphml', null);
    const root = doc.documentElement;
    const key = (id, forWhat, name) => {
      const k = doc.createElementNS(ns, 'key');
      k.setAttribute('id', id);
      k.setAttribute('for', forWhat);
      k.setAttribute('attr.name', name);
      k.setAttribute('attr.type', 'string');
      root.appendChild(k);
    };
    key('label', 'node', 'label');
    key('caption', 'node', 'caption');
    key('type', 'edge', 'type');
    const g = doc.createElementNS(ns, 'graph');
    g.setAttribute('edgedefault', 'directed');
    root.appendChild(g);
    const data = (parent, k, value) => {
      const d = doc.createElementNS(ns, 'data');
      d.setAttribute('key', k);
      d.textContent = String(value ?? '');
      parent.appendChild(d);
    };
    const visible = this._cy.elements().not('.hidden, .filtered');
    visible.nodes().forEach((n) => {
      const el = doc.createElementNS(ns, 'node');
      el.setAttribute('id', n.id());
      data(el, 'label', (n.data('labels') || []).join(':'));
      data(el, 'caption', n.data('caption'));
      g.appendChild(el);
    });
    const shown = new Set(visible.nodes().map((n) => n.id()));
    visible.edges().forEach((e) => {
      if (!shown.has(e.data('source')) || !shown.has(e.data('target'))) return;
      const el = doc.createElementNS(ns, 'edge');
      el.setAttribute('id', e.id());
      el.setAttribute('source', e.data('source'));
      el.setAttribute('target', e.data('target'));
      data(el, 'type', e.data('type'));
      g.appendChild(el);
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc);
  }

  _download(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
}

customElements.define('gg-graph', GgGraph);
