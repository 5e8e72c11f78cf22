/** The platform's request helper: RuoYi-style `{ code, msg, data }` answers. */
async function call(method, url, body) {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const json = await res.json().catch(() => ({ code: res.status, msg: res.statusText }));
  if (!res.ok || json.code !== 200) throw new Error(json.msg || `请求失败（${res.status}）`);
  return json.data;
}

export const api = {
  get(url, params) {
    const qs = params ? '?' + new URLSearchParams(params).toString() : '';
    return call('GET', url + qs);
  },
  post(url, body) {
    return call('POST', url, body);
  },
};
