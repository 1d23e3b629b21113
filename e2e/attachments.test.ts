// Evidence files (佐证材料) in the browser, on a fresh app with demo data: a 南口镇 town user adds the approval
// document and a photo of the works started to a project's steps (a program renamed .jpg is refused), sees the
// photos on the project page, and does it again on a 375 px phone; HQ adds the minutes to a meeting; a team
// leader adds a photo to a donation on the phone. Screenshots in test-artifacts/attachments-*.png.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../packages/server/src/modules/teams/tables';
import { streetScene } from '../packages/server/src/platform/attachments/png';
import { eq } from '../packages/server/src/platform/db/sql';
import { launchBrowser, newPage, PHONE, type RunningApp, screenshot, signIn, startApp } from './support';

let app: RunningApp;
let browser: Browser;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const png = (name: string, lit: boolean) => ({ name, mimeType: 'image/png', buffer: streetScene(480, 320, lit) });
const pdf = (name: string, extra = '') => ({ name, mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.from(extra)]) });
const PROJECT = '仙湖村道路亮化工程';

beforeAll(async () => {
  app = await startApp({ seedDemo: true });
  const [{ id: shejiang }] = await app.services.db.select({ id: teams.id }).from(teams).where(eq(teams.name, '荔湾驻畲江镇帮扶工作队'));
  await app.addUser('staff_nankou_att', 'town_staff', { divisions: ['441403106000'] });
  await app.addUser('hq_att', 'hq', { all: true });
  await app.addUser('leader_shejiang_att', 'team_leader', { teams: [shejiang] });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const stored = () =>
  app.services.database.query<{ file_name: string; purpose: string; mime_type: string; uploaded_by_name: string }>(
    "select file_name, purpose, mime_type, uploaded_by_name from attachments where module = 'funds' and deleted_at is null order by id",
  );

describe('evidence files in the browser', () => {
  it('a town user adds a step’s approval document and photo of the start; a program renamed .jpg is refused', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'staff_nankou_att');
    await page.goto(`${app.url}/funds/projects`);
    await page.getByRole('link', { name: PROJECT }).click();
    await page.getByTestId('project-status').getByText('开工').waitFor();

    const approved = page.getByTestId('attachments-funds-project-approved');
    await approved.getByRole('button', { name: '上传批复文件' }).waitFor();
    await approved.getByTestId('attachments-input').setInputFiles(pdf('仙湖村亮化工程立项批复（梅县区发改局）.pdf'));
    await approved.getByRole('link', { name: '仙湖村亮化工程立项批复（梅县区发改局）.pdf' }).waitFor();

    const started = page.getByTestId('attachments-funds-project-started');
    await started.getByTestId('attachments-input').setInputFiles(png('开工现场.png', false));
    await started.getByTestId('attachment-photo').waitFor();
    // the project's photos, whatever step they are evidence of
    await page.getByTestId('attachments-funds-project').getByTestId('attachment-photo').getByText('开工').waitFor();

    await started
      .getByTestId('attachments-input')
      .setInputFiles({ name: '开工照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ\x90\0program') });
    await page.getByText('开工照片.jpg：不支持的文件类型', { exact: false }).waitFor();
    // steps not reached take nothing yet
    expect(await page.getByTestId('attachments-funds-project-accepted').getByRole('button').count()).toBe(0);
    await screenshot(page, 'attachments-project');

    expect(await stored()).toEqual([
      {
        file_name: '仙湖村亮化工程立项批复（梅县区发改局）.pdf',
        purpose: 'approved',
        mime_type: 'application/pdf',
        uploaded_by_name: 'staff_nankou_att',
      },
      { file_name: '开工现场.png', purpose: 'started', mime_type: 'image/png', uploaded_by_name: 'staff_nankou_att' },
    ]);
    const audit = await app.services.database.query("select action, actor_name from audit_log where entity = 'attachment'");
    expect(audit).toEqual([
      { action: 'create', actor_name: 'staff_nankou_att' },
      { action: 'create', actor_name: 'staff_nankou_att' },
    ]);
    // the document downloads under its Chinese name
    const href = await approved.getByRole('link', { name: '下载' }).getAttribute('href');
    const res = await page.request.get(`${app.url}${href}`);
    expect(res.headers()['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('仙湖村亮化工程立项批复')}`);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    await page.context().close();
  }, 240_000);

  it('on a 375 px phone the town user sees the photos and takes another of the works started', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'staff_nankou_att');
    await page.goto(`${app.url}/funds/projects`);
    await page.getByText(PROJECT).click();
    const started = page.getByTestId('attachments-funds-project-started');
    await started.getByTestId('attachment-photo').waitFor();
    expect(await started.getByTestId('attachments-input').getAttribute('accept')).toBe('image/*'); // the phone offers its camera
    await started.getByTestId('attachments-input').setInputFiles(png('IMG_0412.png', true));
    await expect.poll(() => started.getByTestId('attachment-photo').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await started.scrollIntoViewIfNeeded();
    await screenshot(page, 'attachments-project-phone');
    await page.context().close();
  }, 240_000);

  it('HQ adds the minutes to a meeting', async () => {
    const page = await newPage(browser);
    await signIn(page, app.url, 'hq_att');
    await page.goto(`${app.url}/social/meetings`);
    await page.locator('.ant-table-row').first().click(); // the latest meeting
    await page.getByRole('dialog').getByText('议定事项').first().waitFor();
    const minutes = page.getByTestId('attachments-social-meeting-minutes');
    await minutes.getByRole('button', { name: '上传会议纪要' }).waitFor();
    await minutes.getByTestId('attachments-input').setInputFiles(pdf('荔湾区—梅县区党政联席会议纪要.pdf', 'minutes'));
    await minutes.getByRole('link', { name: '荔湾区—梅县区党政联席会议纪要.pdf' }).waitFor();
    await screenshot(page, 'attachments-meeting-minutes');
    const [row] = await app.services.database.query(
      "select purpose, mime_type from attachments where module = 'social' and owner_kind = 'meeting'",
    );
    expect(row).toEqual({ purpose: 'minutes', mime_type: 'application/pdf' });
    await page.context().close();
  }, 240_000);

  it('a team leader adds a photo to a donation on the phone', async () => {
    const page = await newPage(browser, PHONE);
    await signIn(page, app.url, 'leader_shejiang_att');
    await page.goto(`${app.url}/social/donations`);
    await page.getByTestId('donation-photos').first().click();
    const photos = page.getByTestId('attachments-social-donation-photo');
    await photos.getByRole('button', { name: '拍照/上传照片' }).waitFor();
    await photos.getByTestId('attachments-input').setInputFiles(png('慰问现场.png', false));
    await photos.getByTestId('attachment-photo').waitFor();
    await screenshot(page, 'attachments-donation-phone');
    await page.context().close();
  }, 240_000);
});
