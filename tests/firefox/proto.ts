import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import puppeteer from 'puppeteer-core';
import { FixtureWeb } from '../e2e/support/fixture-web';
import { RUNNING_EXAMPLE } from '../e2e/support/pages';

const web = await new FixtureWeb({ verbose: false }).start();
const proxy = http.createServer((req, res) => { console.log('proxy plain', req.url); res.writeHead(502); res.end(); });
proxy.on('connect', (req, client, head) => {
  console.log('CONNECT', req.url);
  const up = net.connect(web.port, '127.0.0.1', () => { client.write('HTTP/1.1 200 Connection Established\r\n\r\n'); if (head.length) up.write(head); up.pipe(client); client.pipe(up); });
  up.on('error', () => client.destroy()); client.on('error', () => up.destroy());
});
await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
const pport = (proxy.address() as net.AddressInfo).port;
const RUNNING_EXAMPLE_URL = RUNNING_EXAMPLE.syndicatedPage;
const uuid = 'a1b2c3d4-0000-4000-8000-000000000001';
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ff-proto-'));
const t0 = Date.now();
const browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, acceptInsecureCerts: true, userDataDir: profile,
  args: ['--remote-allow-system-access'], dumpio: false,
  extraPrefsFirefox: {
    'network.proxy.type': 1, 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true, 'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': pport,
    'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': pport, 'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'extensions.webextensions.uuids': JSON.stringify({ 'provenance@provenance.example': uuid }),
  },
});
(browser.process() as any).stdout.on('data', (d: Buffer) => process.stdout.write('FFOUT ' + d)); (browser.process() as any).stderr.on('data', (d: Buffer) => process.stdout.write('FFERR ' + d));
console.log('launched', Date.now() - t0);
try {
  const id = await browser.installExtension(path.resolve('.output/firefox-mv2'));
  console.log('installed', id, Date.now() - t0);
  const page = await browser.newPage();
  await page.goto(RUNNING_EXAMPLE.syndicatedPage, { timeout: 15000 });
  console.log('loaded', Date.now() - t0);
  await new Promise((r) => setTimeout(r, 3000));
  console.log(await page.evaluate(() => { const h = document.querySelector('provenance-badge'); return h ? (h.shadowRoot?.querySelector('[data-testid="provenance-badge"]')?.textContent ?? 'no inner') : 'no host'; }));
  const prefs = fs.readFileSync(path.join(profile, 'prefs.js'), 'utf8').split('\n').filter((l) => l.includes('uuids'));
  console.log(prefs);
  const p2 = await browser.newPage();
  const conn = (browser as any).connection;
  const r = await conn.send('browsingContext.navigate', { context: (p2.mainFrame() as any)._id, url: `moz-extension://${uuid}/options.html`, wait: 'complete' });
  console.log('nav', JSON.stringify(r));
  console.log(await p2.evaluate(() => location.href + ' ' + typeof (globalThis as any).browser));
  console.log(await p2.evaluate(async () => JSON.stringify((await (globalThis as any).browser.tabs.query({})).map((t: any) => [t.id, t.url]))));
  const tabs = await p2.evaluate(async () => (await (globalThis as any).browser.tabs.query({})).map((t: any) => ({ id: t.id, url: t.url })));
  const tab = tabs.find((t: any) => t.url === RUNNING_EXAMPLE_URL);
  await conn.send('browsingContext.navigate', { context: (p2.mainFrame() as any)._id, url: `moz-extension://${uuid}/popup.html?tab=${tab.id}`, wait: 'complete' });
  await new Promise((r) => setTimeout(r, 1500));
  console.log('POPUP', await p2.evaluate(() => document.querySelector('[data-testid="verdict"]')?.textContent + ' || ' + document.body.innerText.slice(0, 300)));
  await p2.evaluate(() => { setTimeout(() => { throw new Error('probe-throw'); }); Promise.reject(new Error('probe-reject')); console.error('probe-console-error'); (globalThis as any).browser.runtime.getBackgroundPage().then((bg: any) => { bg.console.error('probe-bg-console'); bg.setTimeout(() => { throw new Error('probe-bg-throw'); }); }); });
  await new Promise((r) => setTimeout(r, 1000));
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  console.log('TREE', JSON.stringify(tree.result).slice(0, 600));
  const ctx = tree.result.contexts[0].context;
  const ev = await conn.send('script.evaluate', { target: { context: ctx }, expression: `JSON.stringify({errors: Services.console.getMessageArray().map(m => { try { m.QueryInterface(Ci.nsIScriptError); return m.sourceName + ':' + m.lineNumber + ' ' + m.errorMessage; } catch { return 'msg ' + m.message; } }).filter(s => s.includes('moz-extension')), api: Cc["@mozilla.org/consoleAPI-storage;1"].getService(Ci.nsIConsoleAPIStorage).getEvents().filter(e => e.addonId || String(e.filename).startsWith('moz-extension')).map(e => e.level + ' ' + e.filename + ':' + e.lineNumber + ' ' + (e.arguments||[]).map(a => { try { return typeof a === 'object' ? (a && a.message ? a.message : JSON.stringify(a)) : String(a); } catch { return String(a); } }).join(' '))})`, awaitPromise: false });
  console.log('EVAL', JSON.stringify(ev).slice(0, 4000));
} catch (e) { console.error('ERR', e); }
finally {
  await browser.close(); proxy.close(); await web.stop(); fs.rmSync(profile, { recursive: true, force: true });
  console.log('done', Date.now() - t0);
}
