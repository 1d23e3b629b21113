// /api/ledgers: the generic routes every registered ledger gets (see index.ts for the list).
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import { errorResponses } from '@xiezuo/shared/contracts/common';
import {
  CommitRequest,
  ExportQuery,
  ExportRequest,
  ImportIdParam,
  ImportStatus,
  LedgerInfo,
  LedgerKeyParam,
  LedgerList,
} from '@xiezuo/shared/contracts/ledgers';
import { can } from '@xiezuo/shared/roles';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../audit/service';
import { actorOf, userOf } from '../auth/plugin';
import { ctxOf } from '../ctx';
import { AppError, errorBody } from '../http/errors';
import type { App } from '../http/types';
import { undoInterrupted } from './apply';
import { commitImport } from './commit';
import { dryRun, type RejectedRow } from './dryRun';
import { sampleRowOf, writeLedgerWorkbook } from './layout';
import { markedWorkbook, ORIGINAL_FILE } from './marked';
import { fileError, renderProblem } from './problems';
import { checkZip, sniffFile } from './read/sniff';
import { enqueue, ledgerOf, ledgersOf, queuePosition } from './registry';
import { type ImportRecord, importDir, lineCodec, loadImport, makeImportDir, purgeOldImports, readBatches, updateImport } from './store';
import { ledgerImports } from './tables';
import type { LedgerDefinition } from './types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function ledgerRoutes(app: App) {
  const { config } = app.xz;
  await app.register(multipart, { limits: { files: 1, fields: 5 } }); // file size: per request, from config

  // jobs run in this process: after a restart, a check in progress is lost (failed) and a commit in
  // progress was rolled back with its transaction — or, on PGlite, undone here from its journal, slice by
  // slice (apply.ts) — ready to commit again
  app.addHook('onReady', async () => {
    await undoInterrupted(app.xz);
    await app.xz.db
      .update(ledgerImports)
      .set({ status: 'failed', error: { code: 'LEDGER_FILE', params: {}, details: [{ path: 'file', key: 'ledgers.file.interrupted' }] } })
      .where(eq(ledgerImports.status, 'reading'));
    await app.xz.db.update(ledgerImports).set({ status: 'ready' }).where(eq(ledgerImports.status, 'committing'));
  });

  // one file checked at a time per user: a second upload while the first is queued or being checked (its
  // status 'reading') is refused — one person cannot fill the queue everyone's imports wait in; the place in
  // the queue is in the status. `uploading` covers the moments before the first one's status is written.
  const uploading = new Set<number>();

  const may = (req: FastifyRequest, p: string) => userOf(req).permissions.includes(p as never);
  const assertMay = (req: FastifyRequest, p: string) => {
    if (!may(req, p)) throw new AppError('FORBIDDEN');
  };
  const info = (req: FastifyRequest, d: LedgerDefinition): LedgerInfo => ({
    key: d.key,
    title: d.title,
    titleEn: d.titleEn,
    naturalKey: d.naturalKey,
    canImport: may(req, d.permissions.import),
    canExport: may(req, d.permissions.export),
    columns: d.columns.map((c) => ({
      key: c.key,
      header: c.header,
      headerEn: c.headerEn,
      type: c.type,
      required: !!c.required,
      options: c.options,
      unit: c.unit,
      note: c.note,
      sensitive: !!c.sensitive,
    })),
  });

  app.get('/api/ledgers', { schema: { tags: ['ledgers'], response: { 200: LedgerList, ...errorResponses } } }, async (req) => ({
    items: ledgersOf(app.xz)
      .map((d) => info(req, d))
      .filter((l) => l.canImport || l.canExport),
  }));

  app.get(
    '/api/ledgers/:key',
    { schema: { tags: ['ledgers'], params: LedgerKeyParam, response: { 200: LedgerInfo, ...errorResponses } } },
    async (req) => info(req, ledgerOf(app.xz, req.params.key)),
  );

  app.get('/api/ledgers/:key/template', { schema: { tags: ['ledgers'], params: LedgerKeyParam, produces: [XLSX] } }, async (req, reply) => {
    const def = ledgerOf(app.xz, req.params.key);
    if (!may(req, def.permissions.import) && !may(req, def.permissions.export)) throw new AppError('FORBIDDEN');
    return sendWorkbook(reply, `${def.title}-模板.xlsx`, (out) =>
      writeLedgerWorkbook(out, def, { t: req.t, rows: [sampleRowOf(def)], sampleRow: true }),
    );
  });

  // Upload → staged file → dry run in the background; answers at once with the import's id.
  app.post(
    '/api/ledgers/:key/imports',
    {
      schema: {
        tags: ['ledgers'],
        params: LedgerKeyParam,
        consumes: ['multipart/form-data'],
        response: { 202: ImportStatus, ...errorResponses },
      },
    },
    async (req, reply) => {
      const def = ledgerOf(app.xz, req.params.key);
      assertMay(req, def.permissions.import);
      if (!req.isMultipart()) throw fileError('noFile');
      const user = userOf(req);
      const busy = () => new AppError('RATE_LIMITED', {}, [{ path: 'file', key: 'ledgers.file.oneAtATime' }]); // 429: wait, not "already exists"
      if (uploading.has(user.id)) throw busy();
      uploading.add(user.id);
      try {
        const [checking] = await app.xz.db
          .select({ id: ledgerImports.id })
          .from(ledgerImports)
          .where(and(eq(ledgerImports.userId, user.id), eq(ledgerImports.status, 'reading')))
          .limit(1);
        if (checking) throw busy();
        const id = randomUUID();
        const dir = await makeImportDir(app.xz, id);
        const path = join(dir, 'upload');
        const { fileName, sha256 } = await receiveFile(req, path, config.ledgers.maxFileBytes, dir);
        const size = (await stat(path)).size;
        try {
          const kind = await sniffFile(path, fileName, size);
          if (kind === 'xlsx')
            await checkZip(path, { maxUncompressedBytes: config.ledgers.maxUncompressedBytes, maxRatio: 200, maxEntries: 10_000 });
          await app.xz.db
            .insert(ledgerImports)
            .values({ id, ledgerKey: def.key, userId: user.id, fileName, fileBytes: size, sha256, status: 'reading' });
          const ctx = ctxOf(req);
          void enqueue(app.xz, () => dryRun(app.xz, id, def, ctx, path, kind, dir), id);
          void purgeOldImports(app.xz);
        } catch (err) {
          await rmDir(dir);
          throw err;
        }
        reply.status(202);
        return statusOf(req, (await loadImport(app.xz, id))!);
      } finally {
        uploading.delete(user.id);
      }
    },
  );

  app.get(
    '/api/ledgers/imports/:id',
    { schema: { tags: ['ledgers'], params: ImportIdParam, response: { 200: ImportStatus, ...errorResponses } } },
    async (req) => statusOf(req, await ownImport(req, req.params.id)),
  );

  app.post(
    '/api/ledgers/imports/:id/commit',
    { schema: { tags: ['ledgers'], params: ImportIdParam, body: CommitRequest, response: { 202: ImportStatus, ...errorResponses } } },
    async (req, reply) => {
      const imp = await ownImport(req, req.params.id);
      const def = ledgerOf(app.xz, imp.ledgerKey);
      assertMay(req, def.permissions.import);
      if (imp.status !== 'ready') throw fileError('notReady');
      if (req.body.mode === 'all-or-nothing' && imp.rejected > 0) throw fileError('hasProblems', { count: imp.rejected });
      // staged rows are kept for a day (purgeOldImports): an older check must be run again
      if (imp.valid > 0 && !existsSync(join(importDir(app.xz, imp.id), 'rows.ndjson'))) throw fileError('expired');
      await updateImport(app.xz, imp.id, { status: 'committing', error: null });
      const ctx = ctxOf(req);
      void enqueue(
        app.xz,
        async () => {
          await commitImport(app.xz, imp, def, ctx, req.body.mode, importDir(app.xz, imp.id));
        },
        imp.id,
      );
      reply.status(202);
      return statusOf(req, { ...imp, status: 'committing', error: null });
    },
  );

  // The rejected rows in the template layout, with a 问题说明 column: fix and import again.
  app.get(
    '/api/ledgers/imports/:id/errors.xlsx',
    { schema: { tags: ['ledgers'], params: ImportIdParam, produces: [XLSX] } },
    async (req, reply) => {
      const imp = await ownImport(req, req.params.id);
      const def = ledgerOf(app.xz, imp.ledgerKey);
      if (imp.rejected === 0) throw fileError('nothingRejected');
      if (!existsSync(join(importDir(app.xz, imp.id), 'rejected.ndjson'))) throw fileError('expired');
      // an .xlsx upload comes back as itself, its bad cells marked (marked.ts)
      const original = join(importDir(app.xz, imp.id), ORIGINAL_FILE);
      if (existsSync(original)) {
        const marked = async function* () {
          for await (const batch of readBatches<RejectedRow>(
            join(importDir(app.xz, imp.id), 'rejected.ndjson'),
            500,
            lineCodec(app.xz, def, 'rejected'),
          )) {
            for (const r of batch) {
              const cells = r.problems.filter((p) => p.col).map((p) => ({ col: p.col!, message: renderProblem(p, req.t) }));
              yield { n: r.n, reason: r.problems.map((p) => renderProblem(p, req.t)).join('；'), cells };
            }
          }
        };
        const buf = await markedWorkbook(original, def, marked(), req.t('ledgers.sheet.reason'));
        if (buf) {
          const name = imp.fileName.replace(/\.xlsx$/i, '');
          reply.header('content-type', XLSX);
          reply.header(
            'content-disposition',
            `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(`${name}-问题已标出.xlsx`)}`,
          );
          return reply.send(buf);
        }
      }
      const rows = async function* () {
        for await (const batch of readBatches<RejectedRow>(
          join(importDir(app.xz, imp.id), 'rejected.ndjson'),
          500,
          lineCodec(app.xz, def, 'rejected'),
        )) {
          for (const r of batch) yield { ...r.cells, __reason: r.problems.map((p) => renderProblem(p, req.t)).join('；') };
        }
      };
      return sendWorkbook(reply, `${def.title}-问题行.xlsx`, (out) =>
        writeLedgerWorkbook(out, def, { t: req.t, rows: rows(), raw: true, reasonColumn: true }),
      );
    },
  );

  // Export of a list view: its filters are the query string; sensitive columns masked. A revealing export is a
  // POST with the CSRF token (below): as a GET, a link on another site could make a signed-in user's browser
  // write a reveal in their name.
  app.get(
    '/api/ledgers/:key/export',
    { schema: { tags: ['ledgers'], params: LedgerKeyParam, querystring: ExportQuery, produces: [XLSX] } },
    async (req, reply) => {
      const { reveal, ...filters } = req.query;
      if (reveal !== undefined) throw new AppError('VALIDATION', {}, [{ path: 'querystring.reveal', key: 'ledgers.revealNeedsPost' }]);
      return exportLedger(req, reply, filters, false);
    },
  );
  app.post(
    '/api/ledgers/:key/export',
    { schema: { tags: ['ledgers'], params: LedgerKeyParam, body: ExportRequest, produces: [XLSX] } },
    async (req, reply) => exportLedger(req, reply, req.body.filters, req.body.reveal),
  );

  async function exportLedger(
    req: FastifyRequest<{ Params: { key: string } }>,
    reply: FastifyReply,
    filters: Record<string, string>,
    reveal: boolean,
  ) {
    const def = ledgerOf(app.xz, req.params.key);
    assertMay(req, def.permissions.export);
    const user = userOf(req);
    if (reveal && !can(user.role, 'sensitive.reveal')) throw new AppError('FORBIDDEN');
    const revealed = reveal && def.columns.some((c) => c.sensitive);
    const entity = def.entity ?? def.key;
    const rows = await def.exportRows(ctxOf(req), filters); // filters it cannot read are refused before anything is logged
    await app.xz.db.transaction(async (tx) => {
      await writeAudit(tx, actorOf(req), { action: 'export', entity, after: { ledger: def.key, filters, revealed } });
      if (revealed)
        await writeAudit(tx, actorOf(req), {
          action: 'reveal',
          entity,
          after: { ledger: def.key, filters, columns: def.columns.filter((c) => c.sensitive).map((c) => c.key) },
        });
    });
    return sendWorkbook(reply, `${def.title}-${new Date().toISOString().slice(0, 10)}.xlsx`, (out) =>
      writeLedgerWorkbook(out, def, { t: req.t, rows, mask: (c) => !!c.sensitive && !revealed, recordKey: true }),
    );
  }

  async function ownImport(req: FastifyRequest, id: string): Promise<ImportRecord> {
    const imp = await loadImport(app.xz, id);
    // an import is its uploader's: others (even admins) never see the file's contents
    if (!imp || imp.userId !== userOf(req).id) throw new AppError('NOT_FOUND');
    return imp;
  }
}

function statusOf(req: FastifyRequest, imp: ImportRecord) {
  const error = imp.error as {
    code: string;
    params: Record<string, unknown>;
    details: { path: string; key?: string; params?: Record<string, unknown> }[];
  } | null;
  return {
    id: imp.id,
    ledgerKey: imp.ledgerKey,
    fileName: imp.fileName,
    status: imp.status as ImportStatus['status'],
    rowsRead: imp.rowsRead,
    valid: imp.valid,
    rejected: imp.rejected,
    skipped: imp.skipped,
    toInsert: imp.toInsert,
    toUpdate: imp.toUpdate,
    unchanged: imp.unchanged,
    problemCount: imp.problemCount,
    problems: (imp.problems as Parameters<typeof renderProblem>[0][]).map((p) => ({
      row: p.row,
      col: p.col,
      header: p.header,
      message: renderProblem(p, req.t),
    })),
    ...columnsSaid(imp.columns as ColumnNote[]),
    error: error ? errorBody(error.code as never, req.t, error.params, error.details) : null,
    mode: imp.mode,
    inserted: imp.inserted,
    updated: imp.updated,
    createdAt: imp.createdAt.toISOString(),
    committedAt: imp.committedAt?.toISOString() ?? null,
    queuePosition: imp.status === 'reading' || imp.status === 'committing' ? queuePosition(req.server.xz, imp.id) : null,
  };
}

type ColumnNote = { col: string | null; written: string; key: string | null; default?: string };

/** What the dry run says of the columns: those ignored, those missing, and the defaults new records get. */
function columnsSaid(columns: ColumnNote[]) {
  const list = Array.isArray(columns) ? columns : [];
  return {
    ignoredColumns: list.filter((c) => c.key === null).map((c) => c.written),
    missingColumns: list.filter((c) => c.col === null).map((c) => c.written),
    defaults: list.filter((c) => c.col === null && c.default != null).map((c) => ({ header: c.written, value: c.default! })),
  };
}

/** Streams the uploaded file to disk, hashing it; over the size limit → a clear error and nothing kept. */
async function receiveFile(req: FastifyRequest, path: string, limit: number, dir: string): Promise<{ fileName: string; sha256: string }> {
  const hash = createHash('sha256');
  try {
    const file = await req.file({ limits: { fileSize: limit, files: 1 } });
    if (!file) throw fileError('noFile');
    await pipeline(
      file.file,
      new Transform({
        transform(chunk, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      createWriteStream(path),
    );
    if (file.file.truncated) throw fileError('tooLarge', { limit: sizeText(limit) });
    return { fileName: file.filename || 'upload', sha256: hash.digest('hex') };
  } catch (err) {
    await rmDir(dir);
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileError('tooLarge', { limit: sizeText(limit) });
    if ((err as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw fileError('noFile');
    throw err;
  }
}

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}

async function rmDir(dir: string) {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
}

function sendWorkbook(reply: FastifyReply, name: string, write: (out: PassThrough) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).catch((err) => out.destroy(err));
  reply.header('content-type', XLSX);
  reply.header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
  return reply.send(out);
}
