// A running server with an embedded database owns its data directory: no other process may open it. So
// `npm run backup` asks that server, through a Unix socket in the data directory (only whoever may read the
// data directory may use it), to write the archive — the same backup the schedule takes, while it serves.
import { existsSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { Database } from '../db/client';
import { type BackupResult, backupDatabase } from './backup';
import { BackupError } from './messages';

export const controlSocket = (dataDir: string) => join(dataDir, 'control.sock');

export function serveControl(dataDir: string, database: Database, onBackup: (r: BackupResult) => void): Server {
  const path = controlSocket(dataDir);
  rmSync(path, { force: true });
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => (text += d));
    socket.on('end', async () => {
      try {
        const req = JSON.parse(text) as { op: string; out: string };
        if (req.op !== 'backup') throw new Error(`unknown op ${req.op}`);
        const result = await backupDatabase({ kind: 'live', database }, req.out);
        onBackup(result);
        socket.end(JSON.stringify({ ok: true, result }));
      } catch (err) {
        const e = err as Error;
        socket.end(JSON.stringify({ ok: false, error: e instanceof BackupError ? e.message : `${e.message}` }));
      }
    });
    socket.on('error', () => {});
  });
  server.listen(path);
  server.unref();
  return server;
}

/** Asks the server that holds `dataDir` to back up into `out`; undefined when no server is listening. */
export async function backupThroughServer(dataDir: string, out: string): Promise<BackupResult | undefined> {
  const path = controlSocket(dataDir);
  if (!existsSync(path)) return undefined;
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.end(JSON.stringify({ op: 'backup', out })));
    socket.on('data', (d) => (text += d));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // a socket left behind by a server that is gone
      if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT') resolve(undefined);
      else reject(err);
    });
    socket.on('end', () => {
      try {
        const reply = JSON.parse(text) as { ok: boolean; result?: BackupResult; error?: string };
        if (reply.ok) resolve(reply.result);
        else reject(new BackupError('inUse', { dir: dataDir, pid: '?', why: reply.error ?? '' }));
      } catch (err) {
        reject(err);
      }
    });
  });
}
