import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** axe-core's browser bundle, read once. */
export const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs every axe rule (WCAG 2.0–2.2 A and AA, and best practice) on the page as it is now.
 * axe is evaluated through DevTools rather than added as a <script>, so the app's nonce-based
 * Content-Security-Policy stays on and is tested too.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
}

/** A readable report of axe violations, one rule per block, each failing element beneath it. */
export function formatViolations(violations: AxeViolation[], where: string): string {
  const lines = [`axe found ${violations.length} accessibility ${violations.length === 1 ? 'rule' : 'rules'} broken on ${where}:`];
  for (const v of violations) {
    lines.push('', `  ✗ ${v.id} (${v.impact ?? 'no impact given'}): ${v.help}`, `    ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 10)) {
      lines.push(`    • ${node.target.map(String).join(' ')}`);
      lines.push(`      ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((l) => `      ${l.trim()}`));
    }
    if (v.nodes.length > 10) lines.push(`    … and ${v.nodes.length - 10} more elements`);
  }
  return lines.join('\n');
}
