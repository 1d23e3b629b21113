// /api/attachments: the files (佐证材料) of any module's records.
//   GET    /api/attachments?module=funds&kind=project&ownerId=12[&purpose=approved]   the list, the purposes, canWrite
//   POST   /api/attachments?module=…&kind=…&ownerId=…&purpose=…[&takenAt=…]          multipart `file` → its description
//   GET    /api/attachments/:id[?download=1]                                          the bytes (type from the bytes, nosniff)
//   DELETE /api/attachments/:id                                                       deleted (kept, no longer served), audited
import multipart from '@fastify/multipart';
import {
  AttachmentFileQuery,
  AttachmentList,
  AttachmentMeta,
  AttachmentOwnerQuery,
  AttachmentUploadQuery,
} from '@xiezuo/shared/contracts/attachments';
import { errorResponses, IdParam, Ok } from '@xiezuo/shared/contracts/common';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../ctx';
import { AppError, invalid } from '../http/errors';
import type { App } from '../http/types';
import { attachmentFile, deleteAttachment, listAttachments, uploadAttachment } from './service';
import { contentDisposition } from './sniff';

export async function attachmentRoutes(app: App) {
  const max = app.xz.config.attachments.maxFileBytes;
  await app.register(multipart, { limits: { files: 1, fields: 0, fileSize: max } });
  const tags = ['attachments'];
  const e = { ...errorResponses, 413: errorResponses[400] };

  app.get(
    '/api/attachments',
    { schema: { tags, querystring: AttachmentOwnerQuery, response: { 200: AttachmentList, ...e } } },
    async (req) => listAttachments(ctxOf(req), req.query),
  );

  app.post(
    '/api/attachments',
    { schema: { tags, querystring: AttachmentUploadQuery, consumes: ['multipart/form-data'], response: { 200: AttachmentMeta, ...e } } },
    async (req) => uploadAttachment(ctxOf(req), req.query, await receive(req, max)),
  );

  app.get('/api/attachments/:id', { schema: { tags, params: IdParam, querystring: AttachmentFileQuery } }, async (req, reply) => {
    const a = await attachmentFile(ctxOf(req), req.params.id);
    reply.header('content-type', a.mimeType);
    reply.header('content-length', a.size);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-disposition', contentDisposition(a.fileName, a.mimeType, req.query.download === '1'));
    reply.header('cache-control', 'private, no-store');
    return reply.send(a.content);
  });

  app.delete('/api/attachments/:id', { schema: { tags, params: IdParam, response: { 200: Ok, ...e } } }, async (req) =>
    deleteAttachment(ctxOf(req), req.params.id),
  );
}

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`);

/** The multipart body's one file, read into memory up to the limit; over it, a 400 naming the limit. */
async function receive(req: FastifyRequest, max: number): Promise<{ fileName: string; content: Buffer }> {
  if (!req.isMultipart()) throw invalid({ path: 'file', key: 'attachments.errors.noFile' });
  try {
    const file = await req.file();
    if (!file) throw invalid({ path: 'file', key: 'attachments.errors.noFile' });
    const content = await file.toBuffer();
    return { fileName: file.filename || 'file', content };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw invalid({ path: 'file', key: 'attachments.errors.tooLarge', params: { limit: sizeText(max) } });
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw invalid({ path: 'file', key: 'attachments.errors.noFile' });
    throw err;
  }
}
