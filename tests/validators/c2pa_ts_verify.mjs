// A second, independent C2PA validator for the tests: @trustnxt/c2pa-ts, a pure TypeScript
// implementation (no c2pa-rs inside). Prints one JSON line per file: whether it validated,
// its status codes, and which assertions the active claim lists as created and gathered.
// Usage: node c2pa_ts_verify.mjs FILE...
import * as fs from "node:fs/promises";
import { JPEG, PNG } from "@trustnxt/c2pa-ts/asset";
import { SuperBox } from "@trustnxt/c2pa-ts/jumbf";
import { ManifestStore, ValidationResult } from "@trustnxt/c2pa-ts/manifest";

for (const path of process.argv.slice(2)) {
  const buf = new Uint8Array(await fs.readFile(path));
  const out = { path, format: null, valid: false, codes: [], created: [], gathered: [], error: null };
  let asset = null;
  if (JPEG.canRead(buf)) { asset = new JPEG(buf); out.format = "jpeg"; }
  else if (PNG.canRead(buf)) { asset = new PNG(buf); out.format = "png"; }
  if (asset === null) {
    out.error = "format not supported by c2pa-ts";
  } else {
    let result;
    try {
      const jumbf = asset.getManifestJUMBF();
      if (!jumbf) throw new Error("no manifest");
      const store = ManifestStore.read(SuperBox.fromBuffer(jumbf));
      const claim = store.getActiveManifest()?.claim;
      const labels = (refs) => (refs ?? []).map((r) => String(r.uri ?? r.url ?? r).split("/").pop());
      out.created = labels(claim?.createdAssertions ?? claim?.assertions);
      out.gathered = labels(claim?.gatheredAssertions);
      result = await store.validate(asset);
    } catch (e) {
      result = ValidationResult.fromError(e);
      out.error = String(e?.message ?? e);
    }
    out.valid = result.isValid;
    out.codes = result.statusEntries.map((s) => s.code);
  }
  console.log(JSON.stringify(out));
}
