/**
 * What Parley costs the host page (DESIGN.md §6): the same page with and without
 * the snippet, booted with the launcher visible and the socket connected, in
 * Chromium with 4× CPU throttling. Script time and JS heap come from CDP
 * `Performance.getMetrics`; long tasks from a PerformanceObserver. Median of N loads.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser.js';
import { snippet } from '../server/pages/snippet.js';
import type { TestServer } from '../server/test-support/test-server.js';

export interface HostPageResult {
  runs: number;
  scriptMs: { without: number; with: number; added: number };
  heapKb: { without: number; with: number; added: number };
  longTasksOver50ms: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function html(withSnippet: boolean, base: string): string {
  const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>Row ${i}</td><td>${(i * 37) % 100}%</td></tr>`).join('');
  return `<!doctype html><html lang="en"><head><title>Host app</title></head><body><h1>Dashboard</h1><table>${rows}</table>${
    withSnippet ? `<script>${snippet(base)}</script>` : ''
  }</body></html>`;
}

async function measure(browser: Browser, server: TestServer, withSnippet: boolean) {
  const ctx = await browser.newContext();
  const page: Page = await ctx.newPage();
  await page.route(`${server.url}/bench-host`, (route) => route.fulfill({ contentType: 'text/html', body: html(withSnippet, server.url) }));
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number };
    w.__longTasks = 0;
    try {
      new PerformanceObserver((list) => {
        w.__longTasks += list.getEntries().filter((e) => e.duration > 50).length;
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no longtask support */
    }
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Performance.enable');
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(`${server.url}/bench-host`);
  // Wait from outside the page: Playwright's own locator polling runs script in the page and
  // would be counted as ours. The socket opening is seen through CDP; the launcher is checked after.
  if (withSnippet) {
    for (let waited = 0; sockets.length === 0 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 2_000)); // idle work (widget mount, first socket frames) in both cases
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  if (withSnippet && (await page.getByRole('button', { name: 'Open messenger' }).count()) !== 1) throw new Error('launcher not shown');
  const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);
  await ctx.close();
  return { scriptMs: get('ScriptDuration') * 1000, heapKb: get('JSHeapUsedSize') / 1024, longTasks };
}

export async function benchHostPage(server: TestServer, runs = 7): Promise<HostPageResult> {
  const browser = await launchChromium();
  try {
    const without: Array<{ scriptMs: number; heapKb: number }> = [];
    const withIt: Array<{ scriptMs: number; heapKb: number; longTasks: number }> = [];
    for (let i = 0; i < runs; i++) {
      without.push(await measure(browser, server, false));
      withIt.push(await measure(browser, server, true));
    }
    const s0 = median(without.map((r) => r.scriptMs));
    const s1 = median(withIt.map((r) => r.scriptMs));
    const h0 = median(without.map((r) => r.heapKb));
    const h1 = median(withIt.map((r) => r.heapKb));
    return {
      runs,
      scriptMs: { without: s0, with: s1, added: s1 - s0 },
      heapKb: { without: h0, with: h1, added: h1 - h0 },
      longTasksOver50ms: Math.max(...withIt.map((r) => r.longTasks)),
    };
  } finally {
    await browser.close();
  }
}
