// Evidence files of social records: a donation's photos (捐赠/慰问照片) and a meeting's minutes (会议纪要) and
// photos. The platform keeps the files (platform/attachments); a file is reachable by whoever may reach its
// record — its place or its team in the user's scope (access.ts) — read to see, social.write to add.
import { eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AttachmentOwner, AttachmentOwners } from '../../platform/attachments/types';
import { AppError } from '../../platform/http/errors';
import { inScope } from '../../platform/scope';
import { dbOf } from './access';
import { socialDonations, socialMeetings } from './tables';

function ownerIn(
  table: PgTable & { id: AnyPgColumn; divisionCode: AnyPgColumn; teamId: AnyPgColumn },
  purposes: readonly string[],
): AttachmentOwner {
  return {
    purposes,
    read: 'social.read',
    write: 'social.write',
    async check(ctx, id) {
      const [row] = (await dbOf(ctx)
        .select({ divisionCode: table.divisionCode, teamId: table.teamId })
        .from(table as PgTable)
        .where(eq(table.id, id))) as { divisionCode: string; teamId: number | null }[];
      if (!row || !inScope(ctx.user.scope, row)) throw new AppError('NOT_FOUND');
    },
  };
}

export const socialAttachments: AttachmentOwners = {
  donation: ownerIn(socialDonations, ['photo']),
  meeting: ownerIn(socialMeetings, ['minutes', 'photo']),
};
