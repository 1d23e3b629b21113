// /api/audit: the audit log, for auditors and admins.
import { AuditEntry, AuditQuery } from '@xiezuo/shared/contracts/auth';
import { errorResponses, pageOf } from '@xiezuo/shared/contracts/common';
import { guard } from '../auth/plugin';
import type { App } from '../http/types';
import { listAudit } from './service';

export async function auditRoutes(app: App) {
  app.get(
    '/api/audit',
    {
      preHandler: guard('audit.read'),
      schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: pageOf(AuditEntry), ...errorResponses } },
    },
    async (req) => listAudit(app.xz.db, req.query),
  );
}
