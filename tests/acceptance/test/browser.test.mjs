// Swagger UI in a real browser: Debian's Chromium driven by playwright-core.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { baseUrl, expect, spec } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const reports = process.env.REPORTS_DIR || path.resolve(here, '../../../reports/acceptance');
const response = '.live-responses-table .response-col_description .highlight-code pre';

describe('Swagger UI in Chromium', function browser() {
  this.timeout(30000);
  let chrome;
  let page;

  before(async () => {
    chrome = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--disable-dev-shm-usage', '--disable-gpu'],
    });
    page = await chrome.newPage({ viewport: { width: 1280, height: 1600 } });
    await page.goto(`${baseUrl}/doc`);
    await page.waitForSelector('.opblock');
  });

  after(async () => {
    if (chrome) await chrome.close();
  });

  it('lists every operation of the document', async () => {
    const expected = Object.values(spec.paths).flatMap((item) => Object.values(item));
    expect(await page.locator('.opblock').count()).to.equal(expected.length);
    for (const operation of expected) {
      const id = `#operations-${operation.tags[0]}-${operation.operationId}`;
      expect(await page.locator(id).count(), id).to.equal(1);
    }
  });

  it('runs "Try it out" on GET /ping and shows pong!', async () => {
    const ping = page.locator('#operations-ping-getPing');
    await ping.locator('.opblock-summary').click();
    await ping.locator('.try-out__btn').click();
    await ping.locator('.execute').click();
    const body = ping.locator(response);
    await body.waitFor();
    expect(await body.textContent()).to.include('pong!');
    fs.mkdirSync(reports, { recursive: true });
    await page.screenshot({ path: path.join(reports, 'swagger-ui.png'), fullPage: true });
  });
});
