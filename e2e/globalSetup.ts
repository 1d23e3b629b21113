// Builds the web app once per browser-test run, into a folder of its own so parallel runs don't clash, and gives
// the run a folder for the apps' template data directories (see support.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject) {
  const outDir = process.env.XZ_WEB_DIST ?? mkdtempSync(join(tmpdir(), 'xz-web-'));
  if (!process.env.XZ_WEB_DIST) {
    execFileSync('npx', ['vite', 'build', 'packages/web', '--outDir', outDir, '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  project.provide('webDist', outDir);
  // where support.ts keeps the data directories each app's is copied from, made by the first app that needs one
  const templates = mkdtempSync(join(tmpdir(), 'xz-e2e-templates-'));
  project.provide('e2eTemplates', templates);
  return () => rmSync(templates, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    webDist: string;
    e2eTemplates: string;
  }
}
