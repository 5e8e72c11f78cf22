/**
 * 4. Scaling: the engine filling a synthetic Element UI 2 form of 30, 100 and 300 mixed fields
 * (scripts/bench/synthetic.ts), driven through the engine harness (tests/helpers/engine.ts, the same
 * modules as the content script) with a plan from plan(); timed inside the page, apply() only.
 * Also the unit costs of the lower bound, measured in-page on the same real Element UI widgets.
 */
import type { BrowserContext } from '@playwright/test';
import { injectEngine } from '../../tests/helpers/engine';
import { repeat, verifiedOf } from './harness';
import { openSynthetic, routeSynthetic, syntheticPlan } from './synthetic';

export interface ScalingResult {
  fields: number;
  ms: number;
  /** True when the warm-up alone went over the budget: then that one run is the figure. */
  overBudget?: boolean;
  verified: number;
  total: number;
  runs: number[];
}

/** A size whose warm-up fill takes longer than this (BENCH_SCALING_BUDGET_MS) is measured once. */
const BUDGET_MS = Number(process.env.BENCH_SCALING_BUDGET_MS ?? 60_000);

export async function measureScaling(context: BrowserContext, galleryUrl: string, log: (s: string) => void, sizes = [30, 100, 300]): Promise<ScalingResult[]> {
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  const out: ScalingResult[] = [];
  for (const n of sizes) {
    const url = await routeSynthetic(context, galleryUrl, n);
    const steps = syntheticPlan(n);
    const setup = async () => { await openSynthetic(page, url); await injectEngine(page); };
    const run = async () => {
      const res = await page.evaluate(async (p) => {
        const t = performance.now();
        const r = await window.YLT.apply(document, p, { timeoutMs: 5000 });
        return { ms: performance.now() - t, reports: r.reports.map((x) => ({ status: x.status })) };
      }, steps);
      log(`  scaling ${n}: ${res.ms.toFixed(0)} ms`);
      return { ms: res.ms, extra: verifiedOf(res.reports) };
    };
    await setup();
    const warm = await run();
    if (warm.ms > BUDGET_MS) {
      out.push({ fields: n, ms: warm.ms, verified: warm.extra.verified, total: warm.extra.total, runs: [warm.ms], overBudget: true });
      continue;
    }
    const r = await repeat(setup, run, undefined, false);
    const last = r.extras.at(-1)!;
    out.push({ fields: n, ms: r.median, verified: last.verified, total: last.total, runs: r.runs });
  }
  await page.close();
  return out;
}

export interface UnitCosts {
  /** One native value set directly (value setter + input/change events), ms. */
  set: number;
  /** One click on a radio / checkbox, handlers included, ms. */
  click: number;
  /** One custom drop-down opened, its option waited for (rendered), clicked, ms. */
  openClick: number;
}

/**
 * The lower bound's unit costs, in the page, without Playwright round trips: each the median over
 * the 30-field form's fields of that kind (5 inputs, 5 radio groups, 5 selects).
 */
export async function measureUnitCosts(context: BrowserContext, galleryUrl: string): Promise<UnitCosts> {
  const page = await context.newPage();
  const url = await routeSynthetic(context, galleryUrl, 30);
  const samples: UnitCosts[] = [];
  for (let i = 0; i < 3; i++) {
    await openSynthetic(page, url);
    // A string, not a function: tsx would wrap named helpers in `__name`, which the page does not have.
    samples.push(await page.evaluate(`(async () => {
      const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
      const items = [...document.querySelectorAll('.el-form-item')];
      const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const sets = [], clicks = [], opens = [];
      for (const [i, item] of items.entries()) {
        const k = i % 6;
        if (k === 0) {
          const input = item.querySelector('input');
          const t = performance.now();
          setter.call(input, '直接写入' + i);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
          sets.push(performance.now() - t);
        } else if (k === 2) {
          const radio = item.querySelectorAll('.el-radio')[1];
          const t = performance.now();
          radio.click();
          clicks.push(performance.now() - t);
        } else if (k === 1) {
          await frame();
          const t = performance.now();
          item.querySelector('.el-select').click();
          let option;
          for (let n = 0; n < 200 && !option; n++) {
            await frame();
            option = [...document.querySelectorAll('.el-select-dropdown')].filter((d) => d.style.display !== 'none' && d.offsetParent !== null)
              .flatMap((d) => [...d.querySelectorAll('.el-select-dropdown__item')]).find((o) => o.textContent.trim() === '选项C');
          }
          option.click();
          opens.push(performance.now() - t);
          for (let n = 0; n < 100 && [...document.querySelectorAll('.el-select-dropdown')].some((d) => d.style.display !== 'none' && d.offsetParent !== null); n++) await frame();
        }
      }
      return { set: med(sets), click: med(clicks), openClick: med(opens) };
    })()`) as UnitCosts);
  }
  await page.close();
  const mid = (k: keyof UnitCosts) => [...samples.map((s) => s[k])].sort((a, b) => a - b)[1]!;
  return { set: mid('set'), click: mid('click'), openClick: mid('openClick') };
}
