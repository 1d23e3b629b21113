// Attachments (佐证材料) end to end through the API: the type read from the bytes (a program renamed .jpg is
// refused), the size limit, scope (a town user neither reads nor writes the files of a project elsewhere), the
// audit entries, the download's headers (the Chinese name encoded, nosniff) — on records the modules own.
import { Document, Packer, Paragraph } from 'docx';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { pngImage } from './png';
import { cleanFileName, contentDisposition, sniffType } from './sniff';

/** A real PNG of w×h pixels in one colour. */
const png = (w: number, h: number, rgb: [number, number, number]) => pngImage(w, h, () => rgb);

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF\0 photo of the works started')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90), Buffer.from('This program cannot be run in DOS mode')]);

/** A zip holding the named (empty, stored) entries: enough for the central directory the sniffer reads. */
function zipOf(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const dirs: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, n);
    dirs.push(dir, n);
    offset += 30 + n.length;
  }
  const dir = Buffer.concat(dirs);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The multipart body a browser sends for one file (the name in UTF-8, as browsers write it). */
function form(fileName: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = '----xzAttachmentBoundary7MA4YWxk';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    'utf8',
  );
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const GANGPING = '441224109000';
const XINGYI = '441224109202';
const NANKOU = '441403106000';

let t: TestApp;
let hq: TestClient;
let town: TestClient;
let viewer: TestClient;
const ids: Record<string, number> = {};

const ownerUrl = (kind: string, id: number, extra = '') =>
  `/api/attachments?module=${kind === 'project' ? 'funds' : 'social'}&kind=${kind}&ownerId=${id}${extra}`;
const upload = (c: TestClient, kind: string, id: number, purpose: string, name: string, content: Buffer, extra = '') => {
  const { body, headers } = form(name, content);
  return c.request('POST', ownerUrl(kind, id, `&purpose=${purpose}${extra}`), body, headers);
};
const auditOf = async (action: string) =>
  (
    await t.services.db.execute(
      sql`select action, entity, entity_id, actor_name, before, after from audit_log where entity = 'attachment' and action = ${action} order by id`,
    )
  ).rows as { entity_id: string; actor_name: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
const stored = async () => ((await t.services.db.execute(sql`select count(*)::int as n from attachments`)).rows[0] as { n: number }).n;

beforeAll(async () => {
  t = await createTestApp();
  for (const [code, name, level, parent] of [
    ['440000000000', '广东省', 'province', null],
    ['441200000000', '肇庆市', 'city', '440000000000'],
    ['441224000000', '怀集县', 'county', '441200000000'],
    [GANGPING, '岗坪镇', 'town', '441224000000'],
    [XINGYI, '兴义村委会', 'village', GANGPING],
    ['441400000000', '梅州市', 'city', '440000000000'],
    ['441403000000', '梅县区', 'county', '441400000000'],
    [NANKOU, '南口镇', 'town', '441403000000'],
  ] as const)
    await t.services.database.query('insert into divisions (code, name, level, parent_code) values ($1, $2, $3, $4)', [
      code,
      name,
      level,
      parent,
    ]);
  hq = await t.userClient('att_hq', 'hq', { all: true });
  town = await t.userClient('att_town', 'town_staff', { divisions: [GANGPING] });
  viewer = await t.userClient('att_viewer', 'viewer', { all: true });
  const project = async (code: string, divisionCode: string) =>
    (
      await hq.post('/api/funds/projects', { code, name: `${code} 路灯`, type: 'livelihood', divisionCode, reservedOn: '2026-03-01' })
    ).json().id;
  ids.here = await project('GP-001', XINGYI);
  ids.there = await project('NK-001', NANKOU);
  const meeting = await hq.post('/api/social/meetings', {
    heldOn: '2026-04-10',
    kind: 'joint',
    level: 'town',
    title: '岗坪镇驻镇帮镇扶村工作推进会',
    divisionCode: GANGPING,
  });
  expect(meeting.statusCode, meeting.body).toBe(200);
  ids.meeting = meeting.json().id;
  const donation = await hq.post('/api/social/donations', {
    donatedOn: '2026-04-12',
    donorName: '顺德龙江商会',
    donorKind: 'enterprise',
    recipientKind: 'household',
    recipientName: '兴义村监测户',
    divisionCode: XINGYI,
    goodsItem: '衣物',
    goodsQuantity: 30,
    goodsUnit: '件',
  });
  expect(donation.statusCode, donation.body).toBe(200);
  ids.donation = donation.json().id;
}, 120_000);
afterAll(() => t?.close());

describe('the type is read from the bytes', () => {
  it('knows JPEG, PNG, WebP, PDF, Word and Excel, and refuses a program renamed .jpg, an empty file and a macro workbook', async () => {
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(png(2, 2, [0, 0, 0]))).toBe('image/png');
    expect(sniffType(Buffer.concat([Buffer.from('RIFF\x10\0\0\0WEBPVP8 ', 'latin1'), Buffer.alloc(8)]))).toBe('image/webp');
    expect(sniffType(PDF)).toBe('application/pdf');
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('验收报告')] }] }));
    expect(sniffType(docx)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRow(['项目', '金额']);
    expect(sniffType(Buffer.from(await wb.xlsx.writeBuffer()))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(() => sniffType(EXE)).toThrow('VALIDATION');
    expect(() => sniffType(Buffer.alloc(0))).toThrow('VALIDATION');
    expect(() => sniffType(Buffer.from('GIF89a......'))).toThrow('VALIDATION');
    expect(() => sniffType(zipOf(['[Content_Types].xml', 'xl/workbook.xml', 'xl/vbaProject.bin']))).toThrow('VALIDATION');
    expect(() => sniffType(zipOf(['hello.txt']))).toThrow('VALIDATION'); // a zip, but no Office file
    expect(sniffType(zipOf(['[Content_Types].xml', 'word/document.xml']))).toContain('wordprocessingml');
  });

  it('keeps the name, with the extension of what the file is', () => {
    expect(cleanFileName('开工照片.jpg', 'image/jpeg')).toBe('开工照片.jpg');
    expect(cleanFileName('开工照片.JPEG', 'image/jpeg')).toBe('开工照片.JPEG');
    expect(cleanFileName('截图.jpg', 'image/png')).toBe('截图.png');
    expect(cleanFileName('C:\\Users\\驻镇\\批复 2026.3', 'application/pdf')).toBe('批复 2026.3.pdf');
    expect(cleanFileName('a"b\r\n.pdf', 'application/pdf')).toBe('a_b__.pdf');
    expect(cleanFileName('', 'image/webp')).toBe('file.webp');
  });

  it('names the download in UTF-8 with an ASCII fallback; images and PDFs inline, Office files saved', () => {
    const d = contentDisposition('验收报告(终稿).pdf', 'application/pdf', false);
    expect(d).toBe(
      `inline; filename="____(__).pdf"; filename*=UTF-8''${'%E9%AA%8C%E6%94%B6%E6%8A%A5%E5%91%8A'}%28%E7%BB%88%E7%A8%BF%29.pdf`,
    );
    expect(contentDisposition('a.pdf', 'application/pdf', true)).toMatch(/^attachment;/);
    expect(contentDisposition('台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false)).toMatch(
      /^attachment;/,
    );
  });
});

describe('/api/attachments', () => {
  it('keeps a step’s evidence: upload, list, download with its Chinese name, audited', async () => {
    const res = await upload(hq, 'project', ids.here, 'approved', '立项批复（怀集县发改局）.pdf', PDF);
    expect(res.statusCode, res.body).toBe(200);
    const meta = res.json();
    expect(meta).toMatchObject({
      module: 'funds',
      kind: 'project',
      ownerId: ids.here,
      purpose: 'approved',
      fileName: '立项批复（怀集县发改局）.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
      uploadedBy: 'att_hq',
    });
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = (await hq.get(ownerUrl('project', ids.here))).json();
    expect(list.items.map((a: { id: number }) => a.id)).toEqual([meta.id]);
    expect(list.purposes).toEqual(['reserve', 'approved', 'started', 'completed', 'accepted', 'handed_over']);
    expect(list.canWrite).toBe(true);
    expect(list.maxBytes).toBe(10 * 1024 * 1024);

    const file = await hq.get(`/api/attachments/${meta.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `inline; filename="____________.pdf"; filename*=UTF-8''${encodeURIComponent('立项批复（怀集县发改局）.pdf')}`,
    );
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await hq.get(`/api/attachments/${meta.id}?download=1`)).headers['content-disposition']).toMatch(/^attachment; /);

    const [entry] = (await auditOf('create')).filter((a) => a.entity_id === String(meta.id));
    expect(entry.actor_name).toBe('att_hq');
    expect(entry.after).toMatchObject({
      fileName: '立项批复（怀集县发改局）.pdf',
      purpose: 'approved',
      ownerId: ids.here,
      sha256: meta.sha256,
    });
    expect(JSON.stringify(entry.after)).not.toContain('content');
  });

  it('takes a photo from the phone with the time it was taken; a PNG named .jpg is kept as the PNG it is', async () => {
    const photo = png(4, 3, [200, 120, 40]);
    const res = await upload(town, 'project', ids.here, 'started', 'IMG_20260402.jpg', photo, '&takenAt=2026-04-02T09:30:00%2B08:00');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mimeType: 'image/png', fileName: 'IMG_20260402.png', takenAt: '2026-04-02T01:30:00.000Z' });
    const file = await town.get(`/api/attachments/${res.json().id}`);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('refuses a program renamed .jpg, an empty file and the same file twice, writing nothing', async () => {
    const before = await stored();
    const audits = (await auditOf('create')).length;
    const exe = await upload(hq, 'project', ids.here, 'started', '开工照片.jpg', EXE);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().details).toEqual([{ path: 'file', message: expect.stringContaining('不支持的文件类型') }]);
    const empty = await upload(hq, 'project', ids.here, 'started', '空.jpg', Buffer.alloc(0));
    expect(empty.json().details[0]).toMatchObject({ path: 'file', message: '文件是空的' });
    const again = await upload(hq, 'project', ids.here, 'accepted', '重复.pdf', PDF);
    expect(again.statusCode).toBe(400);
    expect(again.json().details[0].message).toContain('同一文件已上传过');
    const noFile = await hq.request('POST', ownerUrl('project', ids.here, '&purpose=started'), {});
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().details[0].path).toBe('file');
    expect(await stored()).toBe(before);
    expect((await auditOf('create')).length).toBe(audits);
  });

  it('refuses a file over the size limit, naming the limit', async () => {
    const before = await stored();
    const big = Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(hq, 'project', ids.here, 'started', '大照片.jpg', big);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'file', message: '文件过大，单个文件不超过 10 MB' }]);
    expect(await stored()).toBe(before);
  });

  it('refuses a purpose the record kind does not have and an owner kind no module declares', async () => {
    const purpose = await upload(hq, 'project', ids.here, 'minutes', '纪要.pdf', PDF);
    expect(purpose.json().details[0]).toMatchObject({ path: 'querystring.purpose' });
    expect(purpose.json().details[0].message).toContain('approved、started');
    const kind = await hq.get('/api/attachments?module=funds&kind=household&ownerId=1');
    expect(kind.statusCode).toBe(400);
    expect(kind.json().details[0].path).toBe('querystring.kind');
  });

  it('a town user neither reads nor writes the files of a project outside their town', async () => {
    const there = (await upload(hq, 'project', ids.there, 'accepted', '验收报告.pdf', Buffer.concat([PDF, Buffer.from('南口')]))).json();
    const before = await stored();
    expect((await town.get(ownerUrl('project', ids.there))).statusCode).toBe(404);
    expect((await town.get(`/api/attachments/${there.id}`)).statusCode).toBe(404);
    expect((await upload(town, 'project', ids.there, 'accepted', '伪造.pdf', Buffer.concat([PDF, Buffer.from('x')]))).statusCode).toBe(404);
    expect((await town.delete(`/api/attachments/${there.id}`)).statusCode).toBe(404);
    expect(await stored()).toBe(before);
    expect((await hq.get(`/api/attachments/${there.id}`)).statusCode).toBe(200); // still there
    // in their own town they read and add
    expect((await town.get(ownerUrl('project', ids.here))).json().canWrite).toBe(true);
  });

  it('a viewer reads the files but may not add or delete any', async () => {
    const list = (await viewer.get(ownerUrl('project', ids.here))).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.canWrite).toBe(false);
    expect((await upload(viewer, 'project', ids.here, 'started', 'x.jpg', Buffer.concat([JPEG, Buffer.from('v')]))).statusCode).toBe(403);
    expect((await viewer.delete(`/api/attachments/${list.items[0].id}`)).statusCode).toBe(403);
  });

  it('keeps a meeting’s minutes and a donation’s photos by the social module’s scope', async () => {
    const minutes = await upload(town, 'meeting', ids.meeting, 'minutes', '推进会会议纪要.pdf', Buffer.concat([PDF, Buffer.from('纪要')]));
    expect(minutes.statusCode, minutes.body).toBe(200);
    const photo = await upload(town, 'donation', ids.donation, 'photo', '慰问现场.jpg', JPEG);
    expect(photo.statusCode, photo.body).toBe(200);
    expect((await hq.get(ownerUrl('meeting', ids.meeting, '&purpose=minutes'))).json().items).toHaveLength(1);
    expect((await hq.get(ownerUrl('meeting', ids.meeting, '&purpose=photo'))).json().items).toHaveLength(0);
    const elsewhere = await t.userClient('att_nankou', 'town_staff', { divisions: [NANKOU] });
    expect((await elsewhere.get(ownerUrl('donation', ids.donation))).statusCode).toBe(404);
    expect((await elsewhere.get(`/api/attachments/${minutes.json().id}`)).statusCode).toBe(404);
  });

  it('deletes a file: no longer listed or served, kept in the table, audited with what it was', async () => {
    const res = await upload(hq, 'project', ids.here, 'completed', '完工照片.jpg', Buffer.concat([JPEG, Buffer.from('done')]));
    const { id } = res.json();
    expect((await hq.delete(`/api/attachments/${id}`)).json()).toEqual({ ok: true });
    expect((await hq.get(ownerUrl('project', ids.here))).json().items.map((a: { id: number }) => a.id)).not.toContain(id);
    expect((await hq.get(`/api/attachments/${id}`)).statusCode).toBe(404);
    expect((await hq.delete(`/api/attachments/${id}`)).statusCode).toBe(404);
    const [row] = (await t.services.db.execute(sql`select deleted_at, deleted_by from attachments where id = ${id}`)).rows as {
      deleted_at: unknown;
    }[];
    expect(row.deleted_at).not.toBeNull();
    const [entry] = (await auditOf('delete')).filter((a) => a.entity_id === String(id));
    expect(entry.before).toMatchObject({ fileName: '完工照片.jpg', purpose: 'completed' });
  });
});
