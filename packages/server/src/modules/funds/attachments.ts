// A project's evidence files (佐证材料): one purpose per lifecycle step — 立项批复 the approval document, 开工 the
// photos of the works started, 验收 the acceptance report … The platform keeps the files (platform/attachments);
// this says who may reach a project: the same scope as the project itself, read to see, funds.write to add.
import { PROJECT_STATUSES } from '@xiezuo/shared/contracts/funds';
import { eq } from 'drizzle-orm';
import type { AttachmentOwners } from '../../platform/attachments/types';
import { AppError } from '../../platform/http/errors';
import { inScope } from '../../platform/scope';
import { dbOf } from './access';
import { fundProjects as fp } from './tables';

export const fundsAttachments: AttachmentOwners = {
  project: {
    purposes: PROJECT_STATUSES,
    read: 'funds.read',
    write: 'funds.write',
    async check(ctx, id) {
      const [p] = await dbOf(ctx).select({ divisionCode: fp.divisionCode, teamId: fp.teamId }).from(fp).where(eq(fp.id, id));
      if (!p || !inScope(ctx.user.scope, p)) throw new AppError('NOT_FOUND');
    },
  },
};
