// Attachments (佐证材料/附件) of every module's records, in one table: the bytes in the database (bytea), so a
// backup holds them with the rows they are evidence of. A deleted file is kept (deleted_at, deleted_by) and
// no longer listed or served: evidence once given stays in the record, as its deletion stays in the audit log.
import type { AttachmentMimeType } from '@xiezuo/shared/contracts/attachments';
import { customType, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const attachments = pgTable(
  'attachments',
  {
    id: serial('id').primaryKey(),
    module: text('module').notNull(), // the owner's module key (funds, social …)
    ownerKind: text('owner_kind').notNull(), // the kind of record, as the module's manifest declares it (project, meeting …)
    ownerId: integer('owner_id').notNull(),
    purpose: text('purpose').notNull(), // the step or use the file is evidence of (approved, minutes, photo …)
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').$type<AttachmentMimeType>().notNull(), // read from the bytes, never from the client
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedByName: text('uploaded_by_name'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    takenAt: timestamp('taken_at', { withTimezone: true }), // a photo's time on the phone that took it
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: integer('deleted_by'),
  },
  (t) => [index('attachments_owner_idx').on(t.module, t.ownerKind, t.ownerId)],
);
