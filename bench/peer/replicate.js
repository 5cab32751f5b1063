// One first replication of the peer: every document of a pouchdb-server database into an empty local
// pouchdb-node (LevelDB) database. Prints {"docs": n, "seconds": s} as one JSON line.
//   node replicate.js SOURCE_URL LOCAL_DIR default|tuned
"use strict";
const PouchDB = require("pouchdb-node");

async function main() {
  const [source, dir, mode] = process.argv.slice(2);
  const local = new PouchDB(dir);
  // default: PouchDB's own settings (batches of 100); tuned: batches of 1,000, ten in flight
  const options = mode === "tuned" ? { batch_size: 1000, batches_limit: 10 } : {};
  const started = process.hrtime.bigint();
  const result = await local.replicate.from(source, options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await local.close();
  console.log(JSON.stringify({ docs: result.docs_written, seconds }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
