// Calls to the platform's own backend. Every answer is `{ code, message, data }`; code 0 is success.
export async function api(path, init) {
  const res = await fetch(path, init);
  let body;
  try { body = await res.json(); } catch { body = undefined; }
  if (!res.ok || !body || body.code !== 0) throw new Error(body?.message || `请求失败（${res.status}）`);
  return body.data;
}

export const getSession = () => api('/api/session');
export const getGrids = () => api('/api/grids');
export const getEventTypes = (parent = '') => api(`/api/event-types?parent=${encodeURIComponent(parent)}`);
export const postEvent = (payload) => api('/api/events', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(payload),
});

/** Event types as Cascader options: one level; deeper levels come through loadData. */
export const toTypeOptions = (list) => list.map((t) => ({ value: t.code, label: t.name, isLeaf: t.leaf }));

/** The grid tree as TreeSelect data; only 网格 (leaves) can be chosen, 镇街 and 村社 only expand. */
export function toGridTree(nodes) {
  return nodes.map((n) => (n.children?.length
    ? { value: n.code, title: n.name, selectable: false, children: toGridTree(n.children) }
    : { value: n.code, title: n.name }));
}
