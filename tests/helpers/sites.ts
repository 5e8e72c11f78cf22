/** URLs of the replica platforms served by playwright.config.ts's webServer. */
import { TEST_HEADER, testTag } from './test';

const base = Number(process.env.SITES_PORT ?? 5101);
export const SITE = {
  a: `http://127.0.0.1:${base}/`,
  b: `http://127.0.0.1:${base + 1}/`,
  c: `http://127.0.0.1:${base + 2}/`,
  gallery: `http://127.0.0.1:${base + 3}/`,
} as const;

/**
 * The current test's tag as a request header: the backends answer /api/submissions for that test only
 * (see tests/helpers/test.ts). Called outside a running test, `test.info()` throws, as it should.
 */
export function ownHeaders(): Record<string, string> {
  return { [TEST_HEADER]: testTag() };
}

/** What a platform's backend received from THIS test's browser contexts, with times, oldest first. */
export async function submissionLog<T = unknown>(origin: string, path = 'api/submissions'): Promise<{ at: string; payload: T }[]> {
  const res = await fetch(new URL(path, origin), { headers: ownHeaders() });
  if (!res.ok) throw new Error(`GET ${new URL(path, origin)}: HTTP ${res.status}`);
  return ((await res.json()) as { list: { at: string; payload: T }[] }).list;
}

/** The payloads THIS test's browser contexts submitted to a platform, oldest first. */
export async function submissions<T = unknown>(origin: string): Promise<T[]> {
  return (await submissionLog<T>(origin)).map((s) => s.payload);
}

/** Forgets what THIS test submitted to a platform (other tests' submissions stay). */
export async function clearSubmissions(origin: string): Promise<void> {
  const res = await fetch(new URL('api/submissions', origin), { method: 'DELETE', headers: ownHeaders() });
  if (!res.ok) throw new Error(`DELETE ${new URL('api/submissions', origin)}: HTTP ${res.status}`);
}
