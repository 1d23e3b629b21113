// drizzle-kit reads the one schema source and writes the migrations; run from this folder
// (`npm run db:generate` at the root), where drizzle-orm is installed.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './drizzle',
});
