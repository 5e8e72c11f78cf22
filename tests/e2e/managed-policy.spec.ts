/**
 * Deployment for a whole office: the county's IT sets the mapping source by policy (managed storage,
 * docs/deployment.md), and the extension subscribes to it at start, without a click.
 *
 * Chromium reads policies from /etc/chromium/policies/managed/ (Debian). The policy names an
 * extension id, and an unpacked extension's id comes from its path: the test loads a copy of the
 * build from its own directory, so its policy can never reach the browsers of tests running beside it.
 */
import { test, expect, launchWithExtension, extensionIdOf, EXTENSION_DIST } from '../helpers/extension';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tagContext } from '../helpers/test';
import { SITE } from '../helpers/sites';

const POLICY_DIR = '/etc/chromium/policies/managed';

/** Chromium's id for an unpacked extension: the first 32 hex digits of SHA-256(path), written with a–p. */
function unpackedId(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 32).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

function canWritePolicies(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// Known open (issue 11). Narrowed down (session of 2026-12-02, instrumented build): the background's own
// chrome.storage.managed.get at start stays pending — the promise form and the callback form, with
// keys or with null, and every retry made 3 s apart for 15 s (each new read pending too). The moment a
// read is issued in the worker through DevTools (sw.evaluate), that read answers at once AND the
// background's pending read answers right after; the check then runs and installs the policy form in
// about 1.5 s. So the policy is there and the registry's logic works; what unblocks Chromium's managed
// store for the worker is still unknown (a retry loop alone does not). Kept as fixme, not passed by
// having the test read the policy itself, which would hide exactly this.
test.fixme('a mapping source set by policy is subscribed at start without a click', async () => {
  test.skip(!canWritePolicies(), `writing Chromium policies needs write access to ${POLICY_DIR} (CI runs as root)`);
  const dir = mkdtempSync(join(tmpdir(), 'ylt-managed-'));
  const dist = join(dir, 'extension');
  cpSync(EXTENSION_DIST, dist, { recursive: true });
  const id = unpackedId(dist);
  const source = new URL('mapping-source/index.json', SITE.gallery).href;
  const policyFile = join(POLICY_DIR, `ylt-test-${id}.json`);
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: { mappingSources: [source], retentionDays: 90 } } } }));
  const context = await launchWithExtension(join(dir, 'profile'), { dist });
  try {
    await tagContext(context, test.info());
    expect(await extensionIdOf(context)).toBe(id);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    // Installed by the background at start from the policy's source: nobody clicked anything.
    const row = options.locator('tr[data-mapping="test.policy.form"]');
    const listed = async () => {
      await options.reload();
      await expect(options.locator('tr[data-mapping="zj.zzd.xfjc"]')).toBeVisible(); // the list has loaded
      return row.count();
    };
    await expect.poll(listed, { timeout: 30_000 }).toBe(1).catch(async (e: Error) => {
      const status = await options.getByTestId('source-status').textContent().catch(() => '（没有检查记录）');
      throw new Error(`${e.message}\n上次检查：${status}`);
    });
    await expect(row).toContainText('订阅更新');
    await expect(row.locator('td').nth(1)).toHaveText('3');
    await expect(options.getByLabel('记录保留期限')).toHaveValue('90');
  } finally {
    await context.close();
    rmSync(policyFile, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});
