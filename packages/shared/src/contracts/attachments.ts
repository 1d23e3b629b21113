// Attachments (佐证材料/附件): files kept as evidence of a record of any module — a project step's approval
// document, a photo of the works started, a meeting's minutes. A file belongs to an owner: the module that
// declares the owner kind (its manifest's `attachments`), the kind, the record's id and a purpose (the step or
// use the file is evidence of). The file's type is read from its bytes on the server, never from its name.
import { z } from 'zod';
import { IdParam, INT4_MAX, Ok } from './common';
import { endpoint } from './endpoint';

/** The kinds of file an attachment may be, each recognised by its first bytes (never by the name). */
export const ATTACHMENT_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number];

/** What a file picker should offer (the server decides from the bytes). */
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx,image/jpeg,image/png,image/webp,application/pdf';

/** An owner: module key, owner kind (both lower-case names), record id; a purpose narrows a list. */
const Name = z.string().regex(/^[a-z][a-zA-Z0-9_]{0,31}$/, 'attachments.errors.ownerName');
export const AttachmentOwnerQuery = z.strictObject({
  module: Name,
  kind: Name,
  ownerId: z.coerce.number().int().positive().max(INT4_MAX),
  purpose: Name.optional(),
});
export type AttachmentOwnerQuery = z.infer<typeof AttachmentOwnerQuery>;

/** The upload's query string (the file itself is the multipart body's `file`): the purpose is required. */
export const AttachmentUploadQuery = AttachmentOwnerQuery.extend({
  purpose: Name,
  /** when a photo was taken (the phone's file time), ISO 8601 */
  takenAt: z.iso.datetime({ offset: true }).optional(),
});

export const AttachmentMeta = z.object({
  id: z.number().int(),
  module: z.string(),
  kind: z.string(),
  ownerId: z.number().int(),
  purpose: z.string(),
  fileName: z.string(),
  mimeType: z.enum(ATTACHMENT_MIME_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
  takenAt: z.string().nullable(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export const AttachmentList = z.object({
  items: z.array(AttachmentMeta),
  /** the purposes the owner kind accepts, in its order */
  purposes: z.array(z.string()),
  /** whether the user may add and delete files of this owner */
  canWrite: z.boolean(),
  maxBytes: z.number().int(),
});
export type AttachmentList = z.infer<typeof AttachmentList>;

export const AttachmentFileQuery = z.strictObject({ download: z.enum(['1']).optional() });

export const isImage = (mimeType: string) => mimeType.startsWith('image/');

export const attachmentsApi = {
  list: endpoint('GET', '/api/attachments', { query: AttachmentOwnerQuery, response: AttachmentList }),
  upload: endpoint('POST', '/api/attachments', { query: AttachmentUploadQuery, form: true, response: AttachmentMeta }),
  file: endpoint('GET', '/api/attachments/:id', { params: IdParam, query: AttachmentFileQuery, file: true }),
  remove: endpoint('DELETE', '/api/attachments/:id', { params: IdParam, response: Ok }),
};
