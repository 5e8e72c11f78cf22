/** URLs of the replica platforms served by playwright.config.ts's webServer. */
const base = Number(process.env.SITES_PORT ?? 5101);
export const SITE = {
  a: `http://127.0.0.1:${base}/`,
  b: `http://127.0.0.1:${base + 1}/`,
  c: `http://127.0.0.1:${base + 2}/`,
  gallery: `http://127.0.0.1:${base + 3}/`,
} as const;

/** Reads what a platform's backend received (the list of submitted payloads, oldest first). */
export async function submissions<T = unknown>(origin: string): Promise<T[]> {
  const res = await fetch(new URL('api/submissions', origin));
  const body = (await res.json()) as { list: { payload: T }[] };
  return body.list.map((s) => s.payload);
}

export async function clearSubmissions(origin: string): Promise<void> {
  await fetch(new URL('api/submissions', origin), { method: 'DELETE' });
}
