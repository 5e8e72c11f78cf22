/* A schema-driven renderer the way low-code platforms ship one: <lc-form src="schema.json"> fetches
 * its schema and its dictionaries from the API after the page has loaded, then renders every field
 * into its own shadow root as <lc-form-item label> with the control slotted in. Hidden fields are
 * rendered (display: none) but never submitted. The model is what the controls reported through
 * `lc-change`; 提交 posts it to /api/submit/lowcode. */
const toOptions = (pairs) => pairs.map(([value, label]) => ({ value, label }));
const gridTree = (nodes) => nodes.map((n) => ({ code: n.code, name: n.name, children: n.children && gridTree(n.children) }));

class LcForm extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>:host{display:block}.loading{color:#86909c;padding:40px;text-align:center}</style><div class="loading">表单加载中…</div>';
    // The schema and the dictionaries it names come from two API calls, then the form appears.
    const schema = await (await fetch(this.getAttribute('src'))).json();
    const grids = (await (await fetch('/api/grids')).json()).data;
    // `hold`: render only when the page is told to (tests start filling before the form exists).
    if (this.hasAttribute('hold')) await new Promise((ok) => { window.lcRelease = ok; });
    await new Promise((ok) => setTimeout(ok, Number(this.getAttribute('render-delay') || 0))); // a slow renderer
    this.model = {};
    this.hiddenNames = new Set();
    root.innerHTML = `<style>
      :host { display: block; } h2 { font-size: 17px; margin: 0 0 18px; } .cap-only { display: none; }
      .bare { margin: 0 0 14px 150px; } .actions { margin-left: 150px; display: flex; gap: 12px; }
      .actions button { padding: 6px 20px; border-radius: 4px; border: 1px solid #165dff; background: #165dff; color: #fff; cursor: pointer; }
      #result { margin: 10px 0 0 150px; color: #00b42a; min-height: 22px; }
    </style><h2>${schema.title}</h2><form novalidate></form><div id="result"></div>`;
    const form = root.querySelector('form');
    for (const f of schema.fields) {
      const el = document.createElement(`lc-${f.component}`);
      el.setAttribute('name', f.name);
      for (const [k, v] of Object.entries(f.props || {})) {
        if (k === 'options') el.setAttribute('options', JSON.stringify(toOptions(v)));
        else if (k === 'data' && v === 'grids') el.setAttribute('data', JSON.stringify(gridTree(grids)));
        else if (v === true) el.setAttribute(k, '');
        else el.setAttribute(k, v);
      }
      if ('default' in f) this.model[f.name] = f.default;
      if (f.hidden) this.hiddenNames.add(f.name);
      if (f.captionId) { // a caption the control points at with aria-labelledby, from this (outer) shadow root
        const cap = document.createElement('span');
        cap.id = f.captionId;
        cap.className = 'cap-only';
        cap.textContent = f.label;
        form.appendChild(cap);
      }
      if (f.bare) {
        el.classList.add('bare');
        form.appendChild(el);
        continue;
      }
      const item = document.createElement('lc-form-item');
      // A caption referenced by aria-labelledby, or an embedded page that shows its own label, leaves the row unlabelled.
      item.setAttribute('label', f.captionId || f.component === 'frame-field' ? '' : f.label);
      if (f.required) item.setAttribute('required', '');
      if (f.hidden) item.hidden = true;
      item.appendChild(el);
      form.appendChild(item);
    }
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.innerHTML = '<button type="submit" id="submit">提 交</button>';
    form.appendChild(actions);
    form.addEventListener('lc-change', (e) => { this.model[e.detail.name] = e.detail.value; });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = Object.fromEntries(Object.entries(this.model).filter(([k]) => !this.hiddenNames.has(k)));
      const res = await (await fetch('/api/submit/lowcode', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
      root.getElementById('result').textContent = res.msg;
    });
    this.setAttribute('ready', '');
  }
}
customElements.define('lc-form', LcForm);
