// Attachments: list, upload, serve and delete the files of a record of any module. The module that owns the
// record kind (its manifest's `attachments`) decides who may reach the record; the platform checks the
// permission, asks the module, reads the type from the bytes, and audits every upload and deletion.
import { createHash } from 'node:crypto';
import type { AttachmentMeta, AttachmentOwnerQuery } from '@xiezuo/shared/contracts/attachments';
import { can } from '@xiezuo/shared/roles';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { writeAudit } from '../audit/service';
import type { Ctx } from '../context';
import { withTx } from '../ctx';
import { AppError, invalid } from '../http/errors';
import { cleanFileName, sniffType } from './sniff';
import { attachments as A } from './tables';
import type { AttachmentOwner } from './types';

/** The owner kind a module declared, or a 400 on the query's `kind`. */
function ownerOf(ctx: Ctx, module: string, kind: string): AttachmentOwner {
  const owner = ctx.services.attachmentOwners.get(`${module}.${kind}`);
  if (!owner) throw invalid({ path: 'querystring.kind', key: 'attachments.errors.ownerKind', params: { owner: `${module}.${kind}` } });
  return owner;
}

/** The role's permission for the owner kind (a seed's system user is an admin), then the module's own check of the record. */
async function assertMay(ctx: Ctx, owner: AttachmentOwner, ownerId: number, mode: 'read' | 'write') {
  if (!can(ctx.user.role, mode === 'read' ? owner.read : owner.write)) throw new AppError('FORBIDDEN');
  await owner.check(ctx, ownerId, mode);
}

const meta = {
  id: A.id,
  module: A.module,
  kind: A.ownerKind,
  ownerId: A.ownerId,
  purpose: A.purpose,
  fileName: A.fileName,
  mimeType: A.mimeType,
  size: A.size,
  sha256: A.sha256,
  uploadedBy: A.uploadedByName,
  uploadedAt: A.uploadedAt,
  takenAt: A.takenAt,
};

type MetaRow = Omit<AttachmentMeta, 'uploadedAt' | 'takenAt'> & { uploadedAt: Date; takenAt: Date | null };
const shape = (r: MetaRow): AttachmentMeta => ({ ...r, uploadedAt: r.uploadedAt.toISOString(), takenAt: r.takenAt?.toISOString() ?? null });

/** A record's files (a purpose narrows them), the purposes its kind accepts and whether the user may add some. */
export async function listAttachments(ctx: Ctx, q: AttachmentOwnerQuery) {
  const owner = ownerOf(ctx, q.module, q.kind);
  await assertMay(ctx, owner, q.ownerId, 'read');
  const rows = await ctx.services.db
    .select(meta)
    .from(A)
    .where(
      and(
        eq(A.module, q.module),
        eq(A.ownerKind, q.kind),
        eq(A.ownerId, q.ownerId),
        q.purpose ? eq(A.purpose, q.purpose) : undefined,
        isNull(A.deletedAt),
      ),
    )
    .orderBy(asc(A.uploadedAt), asc(A.id));
  const canWrite = await assertMay(ctx, owner, q.ownerId, 'write').then(
    () => true,
    () => false,
  );
  return { items: rows.map(shape), purposes: [...owner.purposes], canWrite, maxBytes: ctx.services.config.attachments.maxFileBytes };
}

/** Stores a file as evidence of a record's purpose: its type read from the bytes, the same file twice refused. */
export async function uploadAttachment(
  ctx: Ctx,
  q: AttachmentOwnerQuery & { purpose: string; takenAt?: string },
  file: { fileName: string; content: Buffer },
): Promise<AttachmentMeta> {
  const owner = ownerOf(ctx, q.module, q.kind);
  if (!owner.purposes.includes(q.purpose))
    throw invalid({
      path: 'querystring.purpose',
      key: 'attachments.errors.purpose',
      params: { purpose: q.purpose, options: owner.purposes.join('、') },
    });
  if (!can(ctx.user.role, owner.write)) throw new AppError('FORBIDDEN');
  const mimeType = sniffType(file.content);
  const fileName = cleanFileName(file.fileName, mimeType);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  return withTx(ctx, async (tx, ctx) => {
    await owner.check(ctx, q.ownerId, 'write');
    const of = and(eq(A.module, q.module), eq(A.ownerKind, q.kind), eq(A.ownerId, q.ownerId), isNull(A.deletedAt));
    const [same] = await tx
      .select({ fileName: A.fileName })
      .from(A)
      .where(and(of, eq(A.sha256, sha256)));
    if (same) throw invalid({ path: 'file', key: 'attachments.errors.duplicate', params: { name: same.fileName } });
    const [row] = await tx
      .insert(A)
      .values({
        module: q.module,
        ownerKind: q.kind,
        ownerId: q.ownerId,
        purpose: q.purpose,
        fileName,
        mimeType,
        size: file.content.length,
        sha256,
        content: file.content,
        uploadedBy: ctx.actor.id,
        uploadedByName: ctx.user.displayName,
        takenAt: q.takenAt ? new Date(q.takenAt) : null,
      })
      .returning(meta);
    const result = shape(row);
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'attachment', entityId: row.id, after: result });
    return result;
  });
}

/** A file with its bytes, when the user may read its record. */
export async function attachmentFile(ctx: Ctx, id: number) {
  const [row] = await ctx.services.db
    .select({ ...meta, content: A.content })
    .from(A)
    .where(and(eq(A.id, id), isNull(A.deletedAt)));
  if (!row) throw new AppError('NOT_FOUND');
  const owner = ctx.services.attachmentOwners.get(`${row.module}.${row.kind}`);
  if (!owner) throw new AppError('NOT_FOUND');
  await assertMay(ctx, owner, row.ownerId, 'read');
  return row;
}

/** Deletes a file (kept in the table, no longer listed or served); audited with what it was. */
export async function deleteAttachment(ctx: Ctx, id: number) {
  return withTx(ctx, async (tx, ctx) => {
    const [row] = await tx
      .select(meta)
      .from(A)
      .where(and(eq(A.id, id), isNull(A.deletedAt)));
    if (!row) throw new AppError('NOT_FOUND');
    const owner = ctx.services.attachmentOwners.get(`${row.module}.${row.kind}`);
    if (!owner) throw new AppError('NOT_FOUND');
    await assertMay(ctx, owner, row.ownerId, 'read'); // a record the user cannot see is not there (404)
    await assertMay(ctx, owner, row.ownerId, 'write');
    await tx.update(A).set({ deletedAt: new Date(), deletedBy: ctx.actor.id }).where(eq(A.id, id));
    await writeAudit(tx, ctx.actor, { action: 'delete', entity: 'attachment', entityId: id, before: shape(row) });
    return { ok: true as const };
  });
}
