/**
 * The in-page panel lives in a CLOSED shadow root, which neither page scripts nor Playwright's
 * selectors can enter (`host.shadowRoot` is null). Tests see it the way DevTools does: CDP's DOM
 * domain with `pierce: true` lists closed shadow roots and same-process iframes. A panel button is
 * pressed with the mouse at its box's centre, a trusted click like a person's.
 *
 *   await expect.poll(async () => (await panels(page)).length).toBe(1);   // the content script is up
 *   await clickPanelButton(page, '一录通 · 从上次录入填充');
 */
import type { CDPSession, Page } from '@playwright/test';

interface DomNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  documentURL?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
  contentDocument?: DomNode;
}

export interface PanelView {
  /** URL of the document (frame) whose body holds the panel. */
  frameUrl: string;
  /** 'closed' for the shipped panel. */
  shadowRootType: string;
  /** All text the panel shows (toast, report, buttons), without its stylesheet. */
  text: string;
  buttons: { label: string; disabled: boolean; backendNodeId: number }[];
}

const sessions = new WeakMap<Page, CDPSession>();

async function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

function textOf(n: DomNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  if (n.localName === 'style' || n.localName === 'script') return '';
  return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join('');
}

function collectButtons(n: DomNode, out: PanelView['buttons']): void {
  if (n.localName === 'button') {
    const attrs = n.attributes ?? [];
    out.push({ label: textOf(n).trim(), disabled: attrs.some((a, i) => i % 2 === 0 && a === 'disabled'), backendNodeId: n.backendNodeId });
  }
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) collectButtons(c, out);
}

/** Every 一录通 panel on the page, the top document's and each same-process iframe's. */
export async function panels(page: Page): Promise<PanelView[]> {
  const { root } = (await (await cdp(page)).send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: PanelView[] = [];
  const walk = (n: DomNode, url: string) => {
    const here = n.documentURL ?? url;
    if (n.localName === 'yiluotong-panel') {
      const shadow = n.shadowRoots?.[0];
      const buttons: PanelView['buttons'] = [];
      if (shadow) collectButtons(shadow, buttons);
      found.push({ frameUrl: here, shadowRootType: shadow?.shadowRootType ?? 'none', text: shadow ? textOf(shadow) : '', buttons });
    }
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, here);
    if (n.contentDocument) walk(n.contentDocument, here);
  };
  walk(root, page.url());
  return found;
}

/** Presses a panel button by its label with a real (trusted) mouse click at its centre. */
export async function clickPanelButton(page: Page, label: string): Promise<void> {
  const button = (await panels(page)).flatMap((p) => p.buttons).find((b) => b.label === label);
  if (!button) throw new Error(`no panel button “${label}”; panels: ${JSON.stringify(await panels(page))}`);
  if (button.disabled) throw new Error(`panel button “${label}” is disabled`);
  // A button below a long report is scrolled into the card's view first, as a person would.
  await (await cdp(page)).send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
  const { quads } = (await (await cdp(page)).send('DOM.getContentQuads', { backendNodeId: button.backendNodeId })) as { quads: number[][] };
  const q = quads[0];
  if (!q) throw new Error(`panel button “${label}” has no box (not rendered)`);
  const x = (q[0]! + q[2]! + q[4]! + q[6]!) / 4;
  const y = (q[1]! + q[3]! + q[5]! + q[7]!) / 4;
  await page.mouse.click(x, y);
}

/** Waits (bounded) until the content script has mounted its panel on the page: the mapping matched. */
export async function waitForPanel(page: Page, timeout = 15_000, button = '一录通 · 从上次录入填充'): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const labels = (await panels(page)).flatMap((p) => p.buttons.map((b) => b.label));
    if (labels.includes(button)) return;
    if (Date.now() > end) throw new Error(`the 一录通 panel did not appear within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
