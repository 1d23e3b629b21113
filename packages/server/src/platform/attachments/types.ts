// What a module declares to own attachments (its manifest's `attachments`, by owner kind): the purposes a file
// may serve, the permissions, and the check that the user may reach the record. The platform stores, lists and
// serves the files; the module alone knows where its record lies and who may see it.
import type { AttachmentOwner } from '../context';

export type { AttachmentOwner };

/** A module's owner kinds: `{ project: { purposes, read, write, check } }`. */
export type AttachmentOwners = Record<string, AttachmentOwner>;
