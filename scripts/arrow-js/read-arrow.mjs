// Prints a JSON summary of an Arrow IPC stream or file: schema (names, types, metadata),
// row count and the first and last row. Used by the test suite as an independent reader.
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';

const path = process.argv[2];
if (!path) {
  console.error('usage: node read-arrow.mjs FILE');
  process.exit(2);
}
const table = tableFromIPC(readFileSync(path));
const row = (i) => {
  if (i < 0 || i >= table.numRows) return null;
  const r = table.get(i).toJSON();
  for (const k of Object.keys(r)) if (typeof r[k] === 'bigint') r[k] = Number(r[k]);
  return r;
};
const out = {
  rows: table.numRows,
  fields: table.schema.fields.map((f) => ({
    name: f.name,
    type: String(f.type),
    metadata: Object.fromEntries(f.metadata),
  })),
  metadata: Object.fromEntries(table.schema.metadata),
  first: row(0),
  last: row(table.numRows - 1),
};
console.log(JSON.stringify(out));
