/* Hand-made custom elements with open shadow roots, written the way low-code renderers write their
 * own component sets: no known UI library, no class names the engine knows, ARIA where their authors
 * remembered it. Every control reports its value to the renderer with a composed `lc-change` event
 * ({ name, value }); the renderer keeps the model and posts it. */
const css = (s) => `<style>${s}</style>`;
const BASE = css(`
  :host { display: block; font: 14px/1.6 "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #1f2329; }
  input, select, textarea, button { font: inherit; }
  .field { box-sizing: border-box; width: 100%; min-height: 32px; padding: 4px 10px; border: 1px solid #c9cdd4; border-radius: 4px; background: #fff; }
`);

function emit(el, value) {
  el.dispatchEvent(new CustomEvent('lc-change', { bubbles: true, composed: true, detail: { name: el.getAttribute('name'), value } }));
}
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/* A form row: the label in this component's shadow root, the control slotted in from light DOM. */
class LcFormItem extends HTMLElement {
  static observedAttributes = ['label', 'required'];
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + css(`
      :host { margin: 0 0 14px; } :host([hidden]) { display: none; }
      .row { display: flex; align-items: flex-start; }
      .cap { width: 150px; flex: none; text-align: right; padding: 5px 12px 0 0; color: #4e5969; }
      .cap .star { color: #f53f3f; margin-right: 2px; }
      .body { flex: 1; min-width: 0; }
    `) + '<div class="row"><div class="cap"><span class="star" hidden>*</span><label part="label"></label></div><div class="body"><slot></slot></div></div>';
  }
  attributeChangedCallback() {
    this.shadowRoot.querySelector('label').textContent = this.getAttribute('label') ?? '';
    this.shadowRoot.querySelector('.star').hidden = !this.hasAttribute('required');
  }
}

/* Text-like input (text, number, date, datetime-local) in its own shadow root. Optional ARIA naming
 * forwarded to the inner input: `aria-name` (aria-label) and `labelledby` (an id in an outer tree). */
class LcInput extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const type = this.getAttribute('type') || 'text';
    const caption = this.getAttribute('caption');
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + css('.cap { display: block; color: #4e5969; margin-bottom: 2px; }')
      + (caption ? `<span class="cap" aria-hidden="true">${esc(caption)}</span>` : '')
      + `<input class="field" type="${esc(type)}" placeholder="${esc(this.getAttribute('placeholder') || '')}">`;
    const input = this.shadowRoot.querySelector('input');
    if (this.getAttribute('aria-name')) input.setAttribute('aria-label', this.getAttribute('aria-name'));
    if (this.getAttribute('labelledby')) input.setAttribute('aria-labelledby', this.getAttribute('labelledby'));
    const send = () => emit(this, type === 'number' ? (input.value === '' ? null : Number(input.value)) : input.value);
    input.addEventListener('input', send);
    input.addEventListener('change', send);
  }
}

class LcTextarea extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + `<textarea class="field" rows="3" placeholder="${esc(this.getAttribute('placeholder') || '')}"></textarea>`;
    const t = this.shadowRoot.querySelector('textarea');
    t.addEventListener('input', () => emit(this, t.value));
  }
}

/* A native <select> inside a shadow root. */
class LcSelect extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const options = JSON.parse(this.getAttribute('options') || '[]');
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + `<select class="field"><option value="">请选择</option>${options.map((o) => `<option value="${esc(o.value)}">${esc(o.label)}</option>`).join('')}</select>`;
    const s = this.shadowRoot.querySelector('select');
    s.addEventListener('change', () => emit(this, s.value || null));
  }
}

/*
 * An ARIA combobox. Select-only (a focusable div with role=combobox) or searchable (an <input
 * role=combobox>), static options or remote ones (`remote` URL answering ?q=), single or multiple
 * (tags with a × button). The listbox is created in the shadow root on first open only, and closes
 * on a mousedown anywhere outside the component.
 */
class LcCombobox extends HTMLElement {
  static observedAttributes = ['disabled', 'options'];
  constructor() {
    super();
    this.options = [];
    this.value = [];
    this.attachShadow({ mode: 'open' });
    this.onOutside = (e) => { if (this.open && !e.composedPath().includes(this)) this.setOpen(false); };
  }
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.multiple = this.hasAttribute('multiple');
    this.searchable = this.hasAttribute('searchable');
    this.options = JSON.parse(this.getAttribute('options') || '[]');
    const ph = esc(this.getAttribute('placeholder') || '请选择');
    this.shadowRoot.innerHTML = BASE + css(`
      :host { position: relative; }
      .box { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; cursor: pointer; }
      .box[aria-disabled="true"] { background: #f2f3f5; color: #a9aeb8; cursor: not-allowed; }
      .tag { display: inline-flex; align-items: center; gap: 2px; padding: 0 6px; background: #e8f3ff; border-radius: 2px; }
      .tag button { border: 0; background: none; cursor: pointer; padding: 0 2px; }
      .ph { color: #a9aeb8; } .ph[hidden] { display: none; }
      input.search { border: 0; outline: 0; flex: 1; min-width: 60px; padding: 0; }
      [role=listbox] { position: absolute; z-index: 10; left: 0; right: 0; margin: 2px 0 0; padding: 4px 0; list-style: none; background: #fff; border: 1px solid #e5e6eb; box-shadow: 0 4px 10px rgba(0,0,0,.1); max-height: 220px; overflow: auto; }
      [role=option] { padding: 4px 12px; cursor: pointer; } [role=option]:hover { background: #f2f3f5; }
      [role=option][aria-selected=true] { color: #165dff; font-weight: 600; }
      .empty { padding: 4px 12px; color: #a9aeb8; }
    `) + (this.searchable
      ? `<div class="field box"><span class="tags"></span><input class="search" role="combobox" aria-expanded="false" aria-controls="lb" aria-autocomplete="list" placeholder="${ph}"></div>`
      : `<div class="field box${this.multiple ? ' multiple' : ''}" role="combobox" tabindex="0" aria-expanded="false" aria-haspopup="listbox" aria-controls="lb"><span class="tags"></span><span class="value"></span><span class="ph">${ph}</span></div>`);
    this.box = this.shadowRoot.querySelector('.box');
    this.combo = this.shadowRoot.querySelector('[role=combobox]');
    this.search = this.shadowRoot.querySelector('input.search');
    this.box.addEventListener('click', (e) => {
      if (this.isDisabled() || e.composedPath().some((n) => n.tagName === 'BUTTON')) return;
      this.setOpen(this.search ? true : !this.open);
    });
    this.search?.addEventListener('input', () => {
      this.setOpen(true);
      clearTimeout(this.debounce);
      const q = this.search.value.trim();
      this.debounce = setTimeout(() => this.query(q), 250);
    });
    this.attributeChangedCallback();
    this.render();
  }
  attributeChangedCallback() {
    if (!this.combo) return;
    this.combo.setAttribute('aria-disabled', String(this.isDisabled()));
    if (this.search) this.search.disabled = this.isDisabled();
  }
  isDisabled() { return this.hasAttribute('disabled'); }
  async query(q) {
    const remote = this.getAttribute('remote');
    if (!remote) { this.filter = q; this.renderList(); return; }
    if (!q) { this.options = []; this.renderList(); return; }
    const res = await (await fetch(`${remote}?q=${encodeURIComponent(q)}`)).json();
    if (this.search.value.trim() !== q) return; // a newer query is under way
    this.options = res.data.map((u) => ({ value: u.creditCode, label: u.name }));
    this.renderList();
  }
  setOptions(list) { this.options = list; this.value = []; this.render(); this.renderList(); }
  setOpen(open) {
    if (open === !!this.open) return;
    this.open = open;
    this.combo.setAttribute('aria-expanded', String(open));
    if (open) {
      if (!this.list) { // first open: the listbox comes into being now
        this.list = document.createElement('ul');
        this.list.id = 'lb';
        this.list.setAttribute('role', 'listbox');
        if (this.multiple) this.list.setAttribute('aria-multiselectable', 'true');
        this.list.addEventListener('mousedown', (e) => e.preventDefault());
        this.list.addEventListener('click', (e) => {
          const li = e.composedPath().find((n) => n.getAttribute?.('role') === 'option');
          if (li) this.pick(li.dataset.value);
        });
        this.shadowRoot.appendChild(this.list);
      }
      this.list.hidden = false;
      document.addEventListener('mousedown', this.onOutside, true);
      this.renderList();
    } else {
      if (this.list) this.list.hidden = true;
      document.removeEventListener('mousedown', this.onOutside, true);
    }
  }
  pick(code) {
    const opt = this.options.find((o) => String(o.value) === code);
    if (!opt) return;
    this.labels = this.labels || new Map();
    this.labels.set(opt.value, opt.label);
    if (this.multiple) {
      this.value = this.value.includes(opt.value) ? this.value.filter((v) => v !== opt.value) : [...this.value, opt.value];
    } else {
      this.value = [opt.value];
      if (this.search) this.search.value = opt.label;
      this.setOpen(false);
    }
    this.render();
    this.renderList();
    emit(this, this.multiple ? this.value : opt.value);
  }
  render() {
    const label = (v) => this.labels?.get(v) ?? this.options.find((o) => o.value === v)?.label ?? v;
    const tags = this.shadowRoot.querySelector('.tags');
    tags.innerHTML = this.multiple ? this.value.map((v) => `<span class="tag">${esc(label(v))}<button type="button" aria-label="移除 ${esc(label(v))}" data-v="${esc(v)}">×</button></span>`).join('') : '';
    tags.querySelectorAll('button').forEach((b) => b.addEventListener('click', (e) => {
      e.stopPropagation();
      this.value = this.value.filter((v) => String(v) !== b.dataset.v);
      this.render();
      this.renderList();
      emit(this, this.value);
    }));
    const shown = this.shadowRoot.querySelector('.value');
    if (shown) shown.textContent = this.multiple ? '' : this.value.map(label).join('');
    const ph = this.shadowRoot.querySelector('.ph');
    if (ph) ph.hidden = this.value.length > 0;
  }
  renderList() {
    if (!this.list || this.list.hidden) return;
    const shown = this.options.filter((o) => !this.filter || o.label.includes(this.filter));
    this.list.innerHTML = shown.length
      ? shown.map((o) => `<li role="option" data-value="${esc(o.value)}" aria-selected="${this.value.includes(o.value)}">${esc(o.label)}</li>`).join('')
      : `<li class="empty">${this.getAttribute('remote') ? '请输入关键字搜索' : '无数据'}</li>`;
  }
}

/* Linked region selects: province → city → district, each an lc-combobox in this component's shadow
 * root (two shadow roots below the form's), each level loaded from the API once its parent is
 * chosen, and disabled until then. */
class LcRegion extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + css(':host { display: flex; gap: 8px; } lc-combobox { flex: 1; }')
      + ['省', '市', '区/县'].map((p, i) => `<lc-combobox data-level="${i}" placeholder="请选择${p}"${i ? ' disabled' : ''}></lc-combobox>`).join('');
    this.levels = Array.from(this.shadowRoot.querySelectorAll('lc-combobox'));
    this.codes = [];
    this.levels.forEach((c, i) => c.addEventListener('lc-change', async (e) => {
      e.stopPropagation();
      this.codes = [...this.codes.slice(0, i), e.detail.value];
      for (const next of this.levels.slice(i + 1)) { next.setAttribute('disabled', ''); next.setOptions([]); }
      emit(this, this.codes);
      if (this.levels[i + 1]) await this.load(i + 1, e.detail.value);
    }));
    this.load(0, '');
  }
  async load(i, parent) {
    const res = await (await fetch(`/api/regions?parent=${parent}`)).json();
    this.levels[i].setOptions(res.data.map((r) => ({ value: r.code, label: r.name })));
    this.levels[i].removeAttribute('disabled');
  }
}

/* Radio or checkbox group whose native inputs are hidden (opacity 0, 0×0) behind drawn boxes. The
 * radios sit inside their <label>; the checkboxes are tied to a <label for> beside the drawn box. */
class LcChoiceGroup extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const type = this.getAttribute('type') === 'checkbox' ? 'checkbox' : 'radio';
    const options = JSON.parse(this.getAttribute('options') || '[]');
    const hide = 'position:absolute;opacity:0;width:0;height:0;margin:0;';
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + css(`
      :host { display: flex; flex-wrap: wrap; gap: 6px 20px; padding-top: 5px; }
      .opt { position: relative; display: inline-flex; align-items: center; gap: 6px; cursor: pointer; }
      .mark { width: 14px; height: 14px; border: 1px solid #86909c; border-radius: ${type === 'radio' ? '50%' : '2px'}; display: inline-block; }
      input:checked + .mark { background: #165dff; border-color: #165dff; }
    `) + options.map((o, i) => (type === 'radio'
      ? `<label class="opt"><input type="radio" name="g" value="${esc(o.value)}" style="${hide}"><span class="mark"></span><span>${esc(o.label)}</span></label>`
      : `<span class="opt"><input type="checkbox" id="c${i}" value="${esc(o.value)}" style="${hide}"><span class="mark"></span><label for="c${i}">${esc(o.label)}</label></span>`)).join('');
    this.shadowRoot.addEventListener('change', () => {
      const on = Array.from(this.shadowRoot.querySelectorAll('input')).filter((x) => x.checked).map((x) => x.value);
      emit(this, type === 'radio' ? (on[0] ?? null) : on);
    });
  }
}

/* A single yes/no box: a hidden checkbox behind a drawn square, no text of its own. */
class LcCheckbox extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + css(`
      :host { padding-top: 5px; } .mark { width: 14px; height: 14px; border: 1px solid #86909c; border-radius: 2px; display: inline-block; cursor: pointer; }
      input:checked + .mark { background: #165dff; }
    `) + '<input type="checkbox" style="position:absolute;opacity:0;width:0;height:0;margin:0"><span class="mark"></span>';
    const box = this.shadowRoot.querySelector('input');
    this.shadowRoot.querySelector('.mark').addEventListener('click', () => { box.checked = !box.checked; emit(this, box.checked); });
    box.addEventListener('change', () => emit(this, box.checked));
  }
}

/* A switch that is a <button role=switch aria-checked>. */
class LcSwitch extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + css(`
      button { width: 44px; height: 22px; border-radius: 11px; border: 0; background: #c9cdd4; position: relative; cursor: pointer; }
      button[aria-checked=true] { background: #165dff; }
      button::after { content: ''; position: absolute; top: 3px; left: 3px; width: 16px; height: 16px; border-radius: 50%; background: #fff; transition: left .1s; }
      button[aria-checked=true]::after { left: 25px; }
    `) + '<button type="button" role="switch" aria-checked="false"></button>';
    const b = this.shadowRoot.querySelector('button');
    b.addEventListener('click', () => { const on = b.getAttribute('aria-checked') !== 'true'; b.setAttribute('aria-checked', String(on)); emit(this, on); });
  }
}

/* A tree view (role=tree): parents expand on their toggle, a leaf is chosen by a click on its text. */
class LcTree extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const data = JSON.parse(this.getAttribute('data') || '[]');
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + css(`
      ul { list-style: none; margin: 0; padding-left: 18px; } [role=tree] { padding-left: 0; border: 1px solid #e5e6eb; border-radius: 4px; max-height: 240px; overflow: auto; }
      [aria-expanded=false] > [role=group] { display: none; }
      .toggle { display: inline-block; width: 16px; cursor: pointer; color: #86909c; }
      .text { cursor: pointer; padding: 0 4px; } [aria-selected=true] > .text { background: #e8f3ff; color: #165dff; }
    `) + `<ul role="tree">${this.items(data)}</ul>`;
    this.shadowRoot.addEventListener('click', (e) => {
      const item = e.target.closest('[role=treeitem]');
      if (!item) return;
      if (e.target.classList.contains('toggle')) { item.setAttribute('aria-expanded', String(item.getAttribute('aria-expanded') !== 'true')); return; }
      if (item.hasAttribute('aria-expanded')) return; // only leaves are chosen
      this.shadowRoot.querySelectorAll('[aria-selected=true]').forEach((x) => x.setAttribute('aria-selected', 'false'));
      item.setAttribute('aria-selected', 'true');
      emit(this, item.dataset.code);
    });
  }
  items(list) {
    return list.map((n) => (n.children
      ? `<li role="treeitem" aria-expanded="false" data-code="${n.code}"><span class="toggle">▸</span><span class="text">${esc(n.name)}</span><ul role="group">${this.items(n.children)}</ul></li>`
      : `<li role="treeitem" aria-selected="false" data-code="${n.code}"><span class="toggle"></span><span class="text">${esc(n.name)}</span></li>`)).join('');
  }
}

/* An upload: a hidden file input, a button, and the list of chosen files; the input is cleared after
 * every choice (so the same file can be chosen again), so only the list shows what was taken. */
class LcUpload extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + css(`
      input { display: none; } button { padding: 4px 12px; border: 1px solid #c9cdd4; background: #fff; border-radius: 4px; cursor: pointer; }
      ul { list-style: none; padding: 0; margin: 6px 0 0; } li { color: #165dff; } li button { border: 0; color: #86909c; padding: 0 6px; }
    `) + '<input type="file" accept="image/*" multiple><button type="button" class="pick">选择照片</button><ul class="files"></ul>';
    this.files = [];
    const input = this.shadowRoot.querySelector('input');
    this.shadowRoot.querySelector('.pick').addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      for (const f of input.files) this.files.push({ name: f.name, size: f.size, type: f.type });
      input.value = '';
      this.render();
      emit(this, this.files);
    });
  }
  render() {
    const ul = this.shadowRoot.querySelector('.files');
    ul.innerHTML = this.files.map((f, i) => `<li><span>${esc(f.name)}</span><button type="button" data-i="${i}" aria-label="删除">删除</button></li>`).join('');
    ul.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => { this.files.splice(Number(b.dataset.i), 1); this.render(); emit(this, this.files); }));
  }
}

/* A field that lives in another system's page: an iframe inside this component's shadow root. The
 * frame's page posts its value to its parent, which hands it to the renderer. */
class LcFrameField extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + css('iframe { width: 100%; height: 64px; border: 1px dashed #c9cdd4; border-radius: 4px; }')
      + `<iframe src="${esc(this.getAttribute('src'))}" title="外部系统"></iframe>`;
    this.onMessage = (e) => {
      if (e.source !== this.shadowRoot.querySelector('iframe').contentWindow || e.data?.type !== 'lc-frame') return;
      emit(this, e.data.value);
    };
    window.addEventListener('message', this.onMessage);
  }
  disconnectedCallback() { window.removeEventListener('message', this.onMessage); }
}

/* A signature pad: a canvas and a 清除 button. Nothing a generic adapter can drive: the engine must
 * say it does not know this control instead of typing into it. */
class LcSignature extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = BASE + css('canvas { border: 1px dashed #c9cdd4; border-radius: 4px; display: block; } button { margin-top: 4px; }')
      + '<canvas width="320" height="80" tabindex="0"></canvas><button type="button">清除</button>';
    const canvas = this.shadowRoot.querySelector('canvas');
    canvas.addEventListener('pointerup', () => emit(this, canvas.toDataURL().length > 0 ? 'signed' : ''));
  }
}

for (const [tag, cls] of Object.entries({
  'lc-form-item': LcFormItem, 'lc-input': LcInput, 'lc-textarea': LcTextarea, 'lc-select': LcSelect, 'lc-combobox': LcCombobox,
  'lc-region': LcRegion, 'lc-choice-group': LcChoiceGroup, 'lc-checkbox': LcCheckbox, 'lc-switch': LcSwitch, 'lc-tree': LcTree,
  'lc-upload': LcUpload, 'lc-frame-field': LcFrameField, 'lc-signature': LcSignature,
})) customElements.define(tag, cls);
