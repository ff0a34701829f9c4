// Lighthouse on the dashboard's pages, in Debian's Chromium: performance,
// accessibility and best practices for each page, on a phone (Lighthouse's
// default: a mid-range phone on a slow 4G link, simulated) and on a laptop
// (its desktop preset). What run.mjs checks against the bars it sets.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';

export const categories = ['performance', 'accessibility', 'best-practices'];

// One Chromium for every audit (each audit opens its own tab).
export async function auditor(chromePath) {
  const chrome = await launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    logLevel: 'silent',
  });
  return {
    // { scores: {category: 0..100}, failing: ["category: audit title (score)"],
    //   benchmarkIndex: how fast Lighthouse found this machine, which its
    //   simulated phone's CPU slowdown (4x) takes for a fast desktop's }
    async audit(url, formFactor) {
      const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories };
      const runner = await lighthouse(url, flags, formFactor === 'desktop' ? desktop : undefined);
      const { lhr } = runner;
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
      const failing = [];
      for (const c of categories) {
        for (const ref of lhr.categories[c].auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${c}: ${audit.title} (${audit.displayValue ?? audit.score})`);
        }
      }
      return { scores, failing, benchmarkIndex: lhr.environment?.benchmarkIndex };
    },
    async close() { await chrome.kill(); },
  };
}
