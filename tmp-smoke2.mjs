import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const srv = http.createServer((q, r) => { r.setHeader('content-security-policy', "script-src 'nonce-abc'"); r.end('<html><body><h1>Hi</h1><img src="x.png"><script nonce="abc">document.body.dataset.js="1"</script></body></html>'); }).listen(0);
const port = srv.address().port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const js of [true, false]) {
  const ctx = await browser.newContext({ javaScriptEnabled: js, bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  try {
    await page.evaluate(axeSource);
    const t = Date.now();
    const r = await page.evaluate(() => window.axe.run(document).then(r => r.violations.map(v => v.id)));
    console.log(js, r, Date.now() - t);
  } catch (e) { console.log(js, 'failed', e.message.split('\n')[0]); }
  await ctx.close();
}
await browser.close(); srv.close();
