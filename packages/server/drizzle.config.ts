// drizzle-kit reads the one schema source and writes the migrations; run from this folder
// (`npm run db:generate` at the root), where drizzle-orm is installed.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // every module's tables.ts and the platform's own: the one schema source (no list to keep)
  schema: ['./src/platform/*/tables.ts', './src/modules/*/tables.ts'],
  out: './drizzle',
});
