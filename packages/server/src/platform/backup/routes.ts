// GET /api/admin/backup: the state of the scheduled backups, for the admin page's warning.
import { BackupStatus } from '@xiezuo/shared/contracts/auth';
import { errorResponses } from '@xiezuo/shared/contracts/common';
import { guard } from '../auth/plugin';
import type { App } from '../http/types';
import { backupStatus } from './schedule';

export async function backupRoutes(app: App) {
  app.get(
    '/api/admin/backup',
    { preHandler: guard('admin.users'), schema: { tags: ['admin'], response: { 200: BackupStatus, ...errorResponses } } },
    async () => backupStatus(app.xz.config, app.xz.database.engine),
  );
}
