import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const srv = http.createServer((q, r) => { r.setHeader('content-security-policy', "script-src 'nonce-abc'"); r.end('<html><body><h1>Hi</h1><img src="x.png"><script nonce="abc">document.body.dataset.js="1"</script></body></html>'); }).listen(0);
const port = srv.address().port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const ctx = await browser.newContext({ javaScriptEnabled: false });
const page = await ctx.newPage();
page.on('crash', () => console.log('CRASH'));
await page.goto(`http://127.0.0.1:${port}/`);
try { console.log(await page.evaluate('1+1')); } catch (e) { console.log('a', e.message.split('\n')[0]); }
try { console.log(await page.evaluate('new Promise(r => setTimeout(() => r(5), 10))')); } catch (e) { console.log('b', e.message.split('\n')[0]); }
try { await page.evaluate(axeSource); console.log(await page.evaluate('typeof axe')); } catch (e) { console.log('c', e.message.split('\n')[0]); }
try { console.log(await page.evaluate('axe.run(document).then(r => r.violations.map(v => v.id))')); } catch (e) { console.log('d', e.message.split('\n')[0]); }
await browser.close(); srv.close();
