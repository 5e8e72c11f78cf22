/* WAI-ARIA Authoring Practices patterns in plain DOM (after the APG examples, simplified): state lives
 * in aria-checked / aria-selected / aria-expanded, and a plain model object holds the values the
 * page posts to /api/submit/aria. */
const model = { unitName: '', method: null, level: null, inspectors: [], category: null, measures: [], informed: false, needReview: false, grid: null };
const $ = (id) => document.getElementById(id);
const opts = (pairs) => pairs.map(([value, label]) => ({ value, label }));
const UNITS = ['杭州某某小吃店', '杭州某某便利店', '杭州某某宾馆', '杭州某某网吧', '宁波某某快餐店'];
const METHODS = opts([['01', '双随机抽查'], ['02', '专项检查'], ['04', '营业前检查'], ['05', '复查']]);
const LEVELS = opts([['1', '一般隐患'], ['2', '较大隐患'], ['3', '重大隐患']]);
const INSPECTORS = opts([['P001', '李某'], ['P002', '王某'], ['P003', '赵某'], ['P004', '陈某']]);
const CATEGORIES = opts([['1', '重点单位'], ['2', '一般单位'], ['3', '九小场所']]);
const MEASURES = opts([['M1', '责令立即改正'], ['M2', '责令限期改正'], ['M3', '临时查封']]);
const GRIDS = [
  { code: 'WG3301060120', name: '文新街道', children: [
    { code: 'WG330106012001', name: '文苑社区', children: [1, 2, 3].map((i) => ({ code: `WG33010601200100${String(i).padStart(2, '0')}`, name: `第${i}网格` })) },
    { code: 'WG330106012002', name: '文鼎苑社区', children: [1, 2].map((i) => ({ code: `WG33010601200200${String(i).padStart(2, '0')}`, name: `第${i}网格` })) },
  ] },
  { code: 'WG3301060090', name: '翠苑街道', children: [{ code: 'WG330106009001', name: '翠苑一区社区', children: [{ code: 'WG3301060090010001', name: '第1网格' }] }] },
];

/* Closes a popup when a mousedown lands outside its combo. */
function closeOnOutside(combo, close) {
  document.addEventListener('mousedown', (e) => { if (!combo.contains(e.target)) close(); });
}

// ── editable combobox with list autocomplete
{
  const input = $('unit-input'), list = $('unit-listbox'), btn = input.nextElementSibling;
  const render = () => {
    const q = input.value.trim();
    list.innerHTML = UNITS.filter((u) => !q || u.includes(q)).map((u, i) => `<li role="option" id="unit-opt-${i}" aria-selected="false">${u}</li>`).join('');
  };
  const setOpen = (open) => { list.hidden = !open; input.setAttribute('aria-expanded', String(open)); btn.setAttribute('aria-expanded', String(open)); if (open) render(); };
  input.addEventListener('click', () => setOpen(list.hidden));
  btn.addEventListener('click', () => { setOpen(list.hidden); input.focus(); });
  input.addEventListener('input', () => { model.unitName = input.value; setOpen(true); render(); });
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = e.target.closest('[role=option]');
    if (!li) return;
    input.value = li.textContent;
    model.unitName = li.textContent;
    setOpen(false);
  });
  closeOnOutside(input.parentElement, () => setOpen(false));
}

// ── select-only combobox
{
  const box = $('method'), list = $('method-listbox');
  list.innerHTML = METHODS.map((o) => `<div role="option" id="method-${o.value}" data-value="${o.value}" aria-selected="false">${o.label}</div>`).join('');
  const setOpen = (open) => { list.hidden = !open; box.setAttribute('aria-expanded', String(open)); };
  box.addEventListener('click', () => setOpen(list.hidden));
  list.addEventListener('click', (e) => {
    const o = e.target.closest('[role=option]');
    if (!o) return;
    list.querySelectorAll('[role=option]').forEach((x) => x.setAttribute('aria-selected', String(x === o)));
    box.textContent = o.textContent;
    model.method = o.dataset.value;
    setOpen(false);
  });
  closeOnOutside(box.parentElement, () => setOpen(false));
}

// ── listboxes (single and multiple)
function listbox(el, options, multiple, key) {
  el.innerHTML = options.map((o) => `<li role="option" data-value="${o.value}" aria-selected="false">${o.label}</li>`).join('');
  el.addEventListener('click', (e) => {
    const o = e.target.closest('[role=option]');
    if (!o) return;
    if (multiple) o.setAttribute('aria-selected', String(o.getAttribute('aria-selected') !== 'true'));
    else el.querySelectorAll('[role=option]').forEach((x) => x.setAttribute('aria-selected', String(x === o)));
    const on = Array.from(el.querySelectorAll('[aria-selected=true]')).map((x) => x.dataset.value);
    model[key] = multiple ? on : (on[0] ?? null);
  });
}
listbox($('level'), LEVELS, false, 'level');
listbox($('inspectors'), INSPECTORS, true, 'inspectors');

// ── radio group, checkbox group, single checkbox, switch
$('category').innerHTML = CATEGORIES.map((o, i) => `<div role="radio" aria-checked="false" tabindex="${i ? -1 : 0}" data-value="${o.value}">${o.label}</div>`).join('');
$('category').addEventListener('click', (e) => {
  const r = e.target.closest('[role=radio]');
  if (!r) return;
  $('category').querySelectorAll('[role=radio]').forEach((x) => { x.setAttribute('aria-checked', String(x === r)); x.tabIndex = x === r ? 0 : -1; });
  model.category = r.dataset.value;
});
$('measures').innerHTML = MEASURES.map((o) => `<div role="checkbox" aria-checked="false" tabindex="0" data-value="${o.value}">${o.label}</div>`).join('');
const toggle = (el) => { const on = el.getAttribute('aria-checked') !== 'true'; el.setAttribute('aria-checked', String(on)); return on; };
$('measures').addEventListener('click', (e) => {
  const c = e.target.closest('[role=checkbox]');
  if (!c) return;
  toggle(c);
  model.measures = Array.from($('measures').querySelectorAll('[aria-checked=true]')).map((x) => x.dataset.value);
});
$('informed').addEventListener('click', () => { model.informed = toggle($('informed')); });
$('review').addEventListener('click', () => { model.needReview = toggle($('review')); });

// ── tree view
const treeItems = (nodes) => nodes.map((n) => (n.children
  ? `<li role="treeitem" aria-expanded="false" data-code="${n.code}"><span>${n.name}</span><ul role="group">${treeItems(n.children)}</ul></li>`
  : `<li role="treeitem" aria-selected="false" data-code="${n.code}"><span>${n.name}</span></li>`)).join('');
$('grid').innerHTML = treeItems(GRIDS);
$('grid').addEventListener('click', (e) => {
  const item = e.target.closest('[role=treeitem]');
  if (!item) return;
  if (item.hasAttribute('aria-expanded')) { item.setAttribute('aria-expanded', String(item.getAttribute('aria-expanded') !== 'true')); return; }
  $('grid').querySelectorAll('[aria-selected=true]').forEach((x) => x.setAttribute('aria-selected', 'false'));
  item.setAttribute('aria-selected', 'true');
  model.grid = item.dataset.code;
});

$('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const res = await (await fetch('/api/submit/aria', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(model) })).json();
  $('result').textContent = res.msg;
});
