/* Submits what the components hold: FormData (Shoelace controls join it through the form's
 * `formdata` event, the custom element through ElementInternals), plus sl-rating's value, which is not
 * a form control. Repeated names (multiple select, checkbox group) become arrays. */
const form = document.getElementById('inspection');
const ARRAYS = new Set(['inspectors', 'measures']);

await Promise.all(['sl-input', 'sl-select', 'sl-option', 'sl-radio-group', 'sl-checkbox', 'sl-switch', 'sl-range', 'sl-rating', 'sl-textarea', 'sl-button']
  .map((t) => customElements.whenDefined(t)));

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = {};
  for (const [k, v] of new FormData(form)) {
    if (ARRAYS.has(k)) (data[k] ??= []).push(v);
    else data[k] = v;
  }
  for (const k of ARRAYS) data[k] ??= [];
  data.needReview = data.needReview === '1';
  data.informed = data.informed === '1';
  data.satisfaction = document.getElementById('satisfaction').value;
  const res = await fetch('/api/submit/web-components', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data),
  }).then((r) => r.json());
  document.getElementById('result').textContent = res.msg || '提交成功';
});
