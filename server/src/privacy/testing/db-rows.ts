/** Every row of every table of a SQLite store's file, for tests that must see all of it. */
import Database from 'better-sqlite3';

export function everyRow(file: string): { table: string; row: string }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    return tables.flatMap(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all().map((row) => ({ table: name, row: JSON.stringify(row) })));
  } finally {
    db.close();
  }
}
