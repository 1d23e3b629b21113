// Drizzle's query helpers for code outside the server workspace (e2e/, bench/): npm installs
// drizzle-orm inside packages/server, so files at the repository root cannot import it directly.
export { and, eq, type SQL, sql } from 'drizzle-orm';
