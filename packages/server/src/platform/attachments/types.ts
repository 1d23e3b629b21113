// What a module declares to own attachments (its manifest's `attachments`, by owner kind): the purposes a file
// may serve, the permissions, and the check that the user may reach the record. The platform stores, lists and
// serves the files; the module alone knows where its record lies and who may see it.
import type { Permission } from '@xiezuo/shared/roles';
import type { Ctx } from '../context';

export interface AttachmentOwner {
  /** The purposes (a step, a use) a file of this record may serve, in display order: e.g. the lifecycle steps. */
  purposes: readonly string[];
  /** The permission to list and download the files, and the one to add and delete them. */
  read: Permission;
  write: Permission;
  /**
   * Resolves the record for the user: throws NOT_FOUND when it does not exist or lies outside the user's
   * scope ('read'), NOT_FOUND or OUT_OF_SCOPE when the user may not change it ('write'). Runs with the ctx it
   * is given (inside the upload's transaction: read through `ctx.tx ?? ctx.services.db`).
   */
  check(ctx: Ctx, ownerId: number, mode: 'read' | 'write'): Promise<void>;
}

/** A module's owner kinds: `{ project: { purposes, read, write, check } }`. */
export type AttachmentOwners = Record<string, AttachmentOwner>;
