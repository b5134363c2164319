// <gg-cypher-editor>: a Cypher editor on CodeMirror 6 with Neo4j's Cypher language support:
// highlighting, linting, and completion of keywords plus the labels, relationship types and property
// keys the server supplies. Ctrl/Cmd-Enter fires 'gg-run'. Rendered in its own shadow root, where
// CodeMirror mounts its base styles (the page's adopted style sheets are Vaadin's to manage).
import { createCypherEditor } from '@neo4j-cypher/codemirror';
import cypherCss from '@neo4j-cypher/codemirror/css/cypher-codemirror.css?inline';
import { keymap } from '@codemirror/view';
import { Prec } from '@codemirror/state';

export class GgCypherEditor extends HTMLElement {
  constructor() {
    super();
    this._value = '';
    this._schema = {};
    this._api = null;
    this._placeholder = '';
  }

  static get observedAttributes() {
    return ['placeholder', 'aria-label'];
  }

  connectedCallback() {
    if (this._api) return;
    const shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = cypherCss + `
      :host { display: block; }
      .host { height: 100%; }
      .host .cm-editor { height: 100%; border: 1px solid var(--lumo-contrast-30pct, #bbb);
        border-radius: var(--lumo-border-radius-m, 4px); font-size: var(--lumo-font-size-m, 15px); }
      .host .cm-editor.cm-focused { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: 1px; }
      .host .cm-scroller { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; min-height: 7.5em; }
    `;
    shadow.appendChild(style);
    const host = document.createElement('div');
    host.className = 'host';
    shadow.appendChild(host);
    const { editor } = createCypherEditor(host, {
      value: this._value,
      schema: this._schema,
      lineNumbers: true,
      lineNumberFormatter: (line) => String(line),
      lineWrapping: true,
      autocomplete: true,
      lint: true,
      history: true,
      placeholder: this._placeholder || undefined,
      theme: 'light',
      tooltipAbsolute: true,
      // Above CodeMirror's own Mod-Enter (insert blank line): Ctrl/Cmd-Enter runs the query.
      preExtensions: [Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { this._run(); return true; } }]))],
    });
    this._api = editor;
    editor.onValueChanged((value) => {
      this._value = value;
      // Typing sends the value to the server at most every 300 ms, not per keystroke.
      clearTimeout(this._timer);
      this._timer = setTimeout(() => this._flush(), 300);
    });
    const content = host.querySelector('.cm-content');
    if (content) {
      content.setAttribute('aria-label', this.getAttribute('aria-label') || 'Cypher query');
      content.setAttribute('aria-multiline', 'true');
    }
  }

  _flush() {
    clearTimeout(this._timer);
    this.dispatchEvent(new CustomEvent('value-changed', { detail: { value: this._value } }));
  }

  _run() {
    this._flush();
    this.dispatchEvent(new CustomEvent('gg-run', { detail: { value: this._value }, bubbles: true, composed: true }));
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'placeholder') {
      this._placeholder = value;
      this._api?.setPlaceholder(value || undefined);
    }
  }

  get value() {
    return this._value;
  }

  set value(v) {
    const text = v ?? '';
    if (text === this._value) return;
    this._value = text;
    this._api?.setValue(text);
  }

  /** {labels: [], relationshipTypes: [], propertyKeys: []} as JSON text or an object. */
  set schema(s) {
    const schema = typeof s === 'string' ? JSON.parse(s || '{}') : (s || {});
    this._schema = {
      labels: (schema.labels || []).map((l) => ':' + l),
      relationshipTypes: (schema.relationshipTypes || []).map((t) => ':' + t),
      propertyKeys: schema.propertyKeys || [],
      parameters: schema.parameters || [],
    };
    this._api?.setSchema(this._schema);
  }

  get schema() {
    return this._schema;
  }

  focus() {
    this._api?.focus();
  }
}

customElements.define('gg-cypher-editor', GgCypherEditor);
