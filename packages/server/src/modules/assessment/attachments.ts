// A party's evidence binder (佐证材料) in a cycle: the files it adds beside the records behind its figures — 会议纪要,
// 文件, 照片 for the items a reviewer scores by rubric. Seen by the party's own users and the reviewers; added and
// removed by the users whose scope covers the party (HQ's covers every one) until the cycle's result is locked.
import { eq } from 'drizzle-orm';
import type { AttachmentOwners } from '../../platform/attachments/types';
import { AppError } from '../../platform/http/errors';
import { isReviewer, partyInScope } from './cycles';
import { assessmentCycles as C, assessmentParties as P } from './tables';

export const assessmentAttachments: AttachmentOwners = {
  party: {
    purposes: ['evidence'],
    read: 'assessment.read',
    write: 'assessment.submit',
    async check(ctx, id, mode) {
      const db = ctx.tx ?? ctx.services.db;
      const [row] = await db.select({ party: P, lockedAt: C.lockedAt }).from(P).innerJoin(C, eq(C.id, P.cycleId)).where(eq(P.id, id));
      const own = row && partyInScope(ctx, row.party);
      if (!row || (!own && !isReviewer(ctx))) throw new AppError('NOT_FOUND');
      if (mode === 'write' && (!own || row.lockedAt)) throw new AppError('FORBIDDEN');
    },
  },
};
