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
  const headers = ownHeaders();
  const url = new URL(path, origin);
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  const body = (await res.json()) as { list: { at: string; payload: T }[]; test?: string | null };
  // A replica server started from older code ignores the tag and answers everyone's submissions.
  if (body.test !== headers[TEST_HEADER]) {
    throw new Error(`${url} did not answer for this test only: the replica server there predates per-test submissions; stop it so Playwright starts a current one`);
  }
  return body.list;
}

/** The payloads THIS test's browser contexts submitted to a platform, oldest first. */
export async function submissions<T = unknown>(origin: string): Promise<T[]> {
  return (await submissionLog<T>(origin)).map((s) => s.payload);
}

/** Forgets what THIS test submitted to a platform (other tests' submissions stay). */
export async function clearSubmissions(origin: string): Promise<void> {
  const headers = ownHeaders();
  const url = new URL('api/submissions', origin);
  const res = await fetch(url, { method: 'DELETE', headers });
  if (!res.ok) throw new Error(`DELETE ${url}: HTTP ${res.status}`);
  if (((await res.json()) as { test?: string | null }).test !== headers[TEST_HEADER]) {
    throw new Error(`${url} did not clear for this test only: the replica server there predates per-test submissions; stop it so Playwright starts a current one`);
  }
}
