/**
 * Drafts (issue 12): what the cadre types on platform A is kept as a draft every few seconds; when
 * A's login times out and throws the half-typed form away, 「恢复草稿」 in the in-page panel puts it
 * back; and the draft never overwrites what was submitted.
 *
 * The session expiry is A's own idle timeout (tests/sites/platform-a/js/app.js), shortened for this
 * page with the replica's test-only `?sessionIdleMs=` query: after that long without input, A shows
 * 登录超时 and empties its form, as the real platform does.
 */
import { test, expect, inExtension } from '../helpers/extension';
import { SITE, submissions } from '../helpers/sites';
import { clickPanelButton, panels, waitForPanel } from '../helpers/panel';
import { field, typeText } from '../helpers/person-a';
import type { Page } from '@playwright/test';
import { sampleRecordValues } from '../helpers/fixtures';

const MAPPING_A = 'zj.zzd.xfjc';

interface Rec { id: string; status: string; values: Record<string, unknown>; contributions: { kind: string; values: Record<string, unknown> }[] }

/** A record submitted earlier on A (as the capture path stores it): what a draft must never overwrite. */
function submittedRecord(at: number) {
  const values = { 'unit.name': '杭州某某小吃店', 'unit.address': '文三路1号', 'unit.legalPerson': '王某', 'inspection.findings': '现场检查未发现问题。' };
  const origin = { mappingId: MAPPING_A, platform: '浙政钉·掌上执法', at, kind: 'capture' as const };
  return {
    id: 'submitted-1', schemaVersion: 2, createdAt: at, updatedAt: at, status: 'captured',
    source: { mappingId: MAPPING_A, mappingVersion: 2, url: SITE.a, title: 'A' },
    identities: [], contributions: [{ id: 'seed', kind: 'capture', mappingId: MAPPING_A, mappingVersion: 2, platform: origin.platform, url: SITE.a, at, values, raw: {} }],
    contributionIds: ['seed'], trail: [{ kind: 'captured', mappingId: MAPPING_A, platform: origin.platform, at }],
    values, provenance: Object.fromEntries(Object.keys(values).map((k) => [k, origin])), history: {},
  };
}

const inputOf = (page: Page, label: string) => field(page, label).locator('input.el-input__inner, textarea.el-textarea__inner');

test('typed values survive A\'s session expiry: 恢复草稿 puts them back; the submitted record is untouched; undo', async ({ context, extensionId, page }) => {
  test.setTimeout(240_000);
  const seeded = submittedRecord(Date.now() - 60_000);
  expect(await inExtension<{ ok: boolean }>(context, extensionId, { type: 'restore-record', record: seeded })).toEqual({ ok: true });

  await page.goto(`${SITE.a}?sessionIdleMs=20000`);
  await waitForPanel(page, 60_000);
  // The cadre continues the submitted inspection: fill A from it, then change two fields by hand.
  await clickPanelButton(page, '一录通 · 从上次录入填充');
  await expect(inputOf(page, '详细地址')).toHaveValue('文三路1号', { timeout: 30_000 });
  await typeText(page, '法定代表人/主要负责人', '李某');
  await typeText(page, '现场检查情况', '二楼疏散通道堆放杂物。');

  // Kept as a draft of that inspection within a few seconds of the last keystroke (the page said so).
  await expect.poll(async () => (await panels(page)).map((p) => p.text).join(''), { timeout: 15_000 }).toContain('草稿已自动保存');
  const afterDraft = (await inExtension<{ record: Rec }>(context, extensionId, { type: 'record', id: seeded.id })).record;
  // The draft joined the inspection the page was filled from: no second record.
  const all = await inExtension<{ records: { id: string }[] }>(context, extensionId, { type: 'records' });
  expect(all.records.map((r) => r.id)).toEqual([seeded.id]);
  const draft = afterDraft.contributions.find((c) => c.kind === 'draft');
  expect(draft?.values).toMatchObject({ 'unit.address': '文三路1号', 'unit.legalPerson': '李某', 'inspection.findings': '二楼疏散通道堆放杂物。' });
  // ...and every submitted value is still the record's (a draft may only add what was missing: here
  // the credit code A showed with the unit).
  expect(afterDraft.values).toMatchObject(seeded.values);
  expect(afterDraft.status).toBe('captured');

  // The login times out: A empties the form.
  const dialog = page.locator('.el-message-box');
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.locator('.el-message-box__title')).toHaveText('登录超时');
  await expect(inputOf(page, '现场检查情况')).toHaveValue('');
  await dialog.getByRole('button', { name: '重新登录' }).click();
  await expect(dialog).toBeHidden();

  // One click brings the draft back into the fresh form.
  await expect.poll(async () => (await panels(page)).flatMap((p) => p.buttons.map((b) => b.label)).find((l) => l.startsWith('恢复草稿')), { timeout: 15_000 }).toBeTruthy();
  const restore = (await panels(page)).flatMap((p) => p.buttons).find((b) => b.label.startsWith('恢复草稿'))!;
  await clickPanelButton(page, restore.label);
  await expect(inputOf(page, '现场检查情况')).toHaveValue('二楼疏散通道堆放杂物。', { timeout: 30_000 });
  await expect(inputOf(page, '法定代表人/主要负责人')).toHaveValue('李某');
  await expect(inputOf(page, '详细地址')).toHaveValue('文三路1号');
  await expect.poll(async () => (await panels(page)).map((p) => p.text).join('')).toContain('的草稿');

  // Nothing submitted was overwritten, nothing was sent to A, and the restore was no fill from a record.
  const after = (await inExtension<{ record: Rec }>(context, extensionId, { type: 'record', id: seeded.id })).record;
  expect(after.values).toEqual(afterDraft.values);
  expect(await submissions(SITE.a)).toEqual([]);

  // The restore can be undone like a fill.
  await clickPanelButton(page, '撤销本次填充');
  await expect.poll(async () => (await panels(page)).map((p) => p.text).join(''), { timeout: 30_000 }).toContain('已撤销');
  await expect(inputOf(page, '现场检查情况')).toHaveValue('');
  await expect(inputOf(page, '法定代表人/主要负责人')).toHaveValue('');
});

test('after a fill of B, the cadre\'s edit is a draft of the inspection B was filled from, not a record of its own', async ({ context, extensionId, page }) => {
  test.setTimeout(240_000);
  // The whole sample inspection, captured on A.
  const seeded = await inExtension<{ ok: boolean; recordId: string }>(context, extensionId, {
    type: 'capture', captureId: 'drafts-b-1', status: 'captured', mappingId: MAPPING_A, url: SITE.a, title: 'A', values: sampleRecordValues(), raw: {},
  });
  expect(seeded.ok).toBe(true);
  await page.goto(SITE.b);
  await waitForPanel(page, 60_000);
  await clickPanelButton(page, '一录通 · 从上次录入填充');
  await expect.poll(async () => (await panels(page)).map((p) => p.text).join(''), { timeout: 120_000 }).toContain('请核对后由您本人提交');
  // The fill typed through execCommand, whose input events are trusted: they are not the cadre's edits.
  await page.locator('.ant-form-item').filter({ hasText: '发生地点' }).locator('input').fill('文三路2号');
  await expect.poll(async () => (await panels(page)).map((p) => p.text).join(''), { timeout: 15_000 }).toContain('草稿已自动保存');
  const all = await inExtension<{ records: { id: string }[] }>(context, extensionId, { type: 'records' });
  expect(all.records.map((r) => r.id)).toEqual([seeded.recordId]);
});
