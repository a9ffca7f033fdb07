// artcharter jury desk: send dropped files to /api/verify, one request per file, and show
// one row per file. Every text from a file or the server goes through textContent: a title
// or a file name is never HTML.
"use strict";

(function () {
  const data = JSON.parse(document.getElementById("desk-data").textContent);
  const T = data.texts;
  const lang = data.lang;
  const CONCURRENCY = 3;
  const STORE = "artcharter.desk.tokens";
  const IMAGE_NAME = /\.(png|jpe?g|webp)$/i;
  const VERDICT_ORDER = ["trusted", "trusted-c2pa-list", "valid-untrusted", "tampered", "invalid", "no-credential", "unreadable", "remote-not-fetched"];

  const drop = document.getElementById("drop");
  const input = document.getElementById("file-input");
  const rows = document.getElementById("rows");
  const emptyRow = document.getElementById("empty-row");
  const toolbar = document.getElementById("toolbar");
  const counts = document.getElementById("counts");

  const results = new Map(); // token -> result, in drop order
  const queue = [];
  let running = 0;

  // A counted text: its ".one" or ".other" form, as the page's language counts n
  // (French counts 0 and 1 as one: "0 fichier", "1 fichier", "2 fichiers").
  function tn(key, n) {
    const one = lang === "fr" ? n <= 1 : n === 1;
    return t(key + (one ? ".one" : ".other"), { n: n });
  }

  function t(key, values) {
    let s = T[key] || key;
    for (const [k, v] of Object.entries(values || {})) s = s.split("{" + k + "}").join(String(v));
    return s;
  }

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined) continue;
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  function badge(tone, title, verdict) {
    return el("span", { class: "badge tone-" + tone, "data-verdict": verdict || "" }, [
      el("span", { class: "dot", "aria-hidden": "true" }),
      document.createTextNode(title),
    ]);
  }

  // --- rows -------------------------------------------------------------------------------

  function pendingRow(name) {
    const tr = el("tr", { class: "row pending" });
    fillRow(tr, {
      thumb: el("div", { class: "thumb none", "aria-hidden": "true", text: "…" }),
      title: [el("span", { class: "name", text: name })],
      verdict: [badge("pending", t("waiting"), "")],
    });
    emptyRow.hidden = true;
    rows.appendChild(tr);
    return tr;
  }

  function fillRow(tr, parts) {
    tr.replaceChildren(
      el("td", {}, [parts.thumb]),
      el("td", {}, parts.title || []),
      el("td", {}, parts.artist || []),
      el("td", { class: "verdict" }, parts.verdict || []),
      el("td", { class: "small" }, parts.ai || []),
      el("td", { class: "small" }, parts.energy || []),
      el("td", { class: "small" }, parts.charter || []),
      el("td", { class: "report" }, parts.report || [])
    );
  }

  function rejectedRow(tr, name, detail) {
    tr.className = "row rejected";
    fillRow(tr, {
      thumb: el("div", { class: "thumb none", "aria-hidden": "true", text: "✕" }),
      title: [el("span", { class: "name", text: name })],
      verdict: [badge("bad", t("rejected"), "rejected"), el("p", { class: "explain", text: detail })],
    });
    tr.dataset.verdict = "rejected";
  }

  function resultRow(tr, r) {
    tr.className = "row done";
    tr.dataset.token = r.token;
    tr.dataset.verdict = r.verdict;
    const thumb = el("img", { class: "thumb", src: r.thumbnail_url, alt: "", loading: "lazy" });
    thumb.addEventListener("error", () => thumb.replaceWith(el("div", { class: "thumb none", text: "–" })));
    let charterClass = "muted";
    if (r.charter.checked) charterClass = r.charter.passed ? "charter-pass" : r.charter.required_failed ? "charter-fail" : "charter-open";
    // A tampered or invalid file's title and artist are only what it claims: say so.
    const claimed = r.reliable ? null : el("span", { class: "claimed", text: t("claimed") });
    const forget = el("button", { type: "button", class: "x", title: t("forget_one"), "aria-label": t("forget_one") + " " + r.name, text: "×" });
    forget.addEventListener("click", (event) => {
      event.stopPropagation();
      forgetOne(r.token, tr);
    });
    fillRow(tr, {
      thumb: thumb,
      title: [
        el("span", { class: r.reliable ? "title" : "title unreliable", text: r.title || t("untitled") }),
        el("span", { class: "name", text: r.name }),
        r.title && claimed,
      ],
      artist: [
        el("span", { class: r.reliable ? "" : "unreliable", text: r.artist || t("none") }),
        r.organisation ? el("span", { class: "org", text: r.organisation }) : null,
        // The artist is the certificate's subject; another name in the file is only a claim.
        r.claimed_author ? el("span", { class: "claimed", text: t("claimed_author") + " " + r.claimed_author }) : null,
      ],
      verdict: [
        badge(r.tone, r.verdict_title[lang], r.verdict),
        // Which tier trusts the signer: "your school" and "the C2PA trust list" never share words.
        r.trusted_by ? el("p", { class: "trusted-by", text: t("trusted_by") + " " + r.trusted_by[lang] }) : null,
        el("p", { class: "explain", text: r.explanation[lang] }),
        ...(r.ingredient_notes ? r.ingredient_notes[lang] : []).map((note) => el("p", { class: "ingredient-note small", text: note })),
      ],
      ai: [
        el("span", { class: r.reliable ? "" : "unreliable", text: r.ai_share_label[lang] }),
        // The class any C2PA validator shows (signals rubric), only for a signature that holds.
        r.c2pa_signal && r.c2pa_signal[lang].length ? el("span", { class: "c2pa-signal", text: r.c2pa_signal[lang][0] }) : null,
      ],
      energy: [document.createTextNode(r.energy.label[lang])],
      charter: [el("span", { class: charterClass, text: r.charter.label[lang] })],
      report: [
        el("a", { href: r.report_url, target: "_blank", rel: "noopener", title: t("open_report"), "aria-label": t("open_report") + " " + r.name, text: t("col_report") + " ↗" }),
        forget,
      ],
    });
  }

  rows.addEventListener("click", (event) => {
    if (event.target.closest("a, button")) return;
    const tr = event.target.closest("tr.row.done");
    if (tr && results.has(tr.dataset.token)) window.open(results.get(tr.dataset.token).report_url, "_blank", "noopener");
  });

  // Results as the table shows them (they arrive in the order verifications finish).
  function inTableOrder() {
    return [...rows.querySelectorAll("tr.row.done")].map((tr) => results.get(tr.dataset.token)).filter(Boolean);
  }

  function refreshCounts() {
    const trs = rows.querySelectorAll("tr.row");
    toolbar.hidden = trs.length === 0;
    emptyRow.hidden = trs.length > 0;
    const byVerdict = new Map(VERDICT_ORDER.map((v) => [v, null]));
    for (const r of inTableOrder()) {
      const entry = byVerdict.get(r.verdict) || { n: 0, r: r };
      entry.n += 1;
      byVerdict.set(r.verdict, entry);
    }
    const parts = [document.createTextNode(tn("summary", trs.length))];
    for (const [verdict, entry] of byVerdict) {
      if (entry) parts.push(badge(entry.r.tone, entry.n + " × " + entry.r.verdict_title[lang], verdict));
    }
    const rejected = rows.querySelectorAll("tr.row.rejected").length;
    if (rejected) parts.push(badge("bad", rejected + " × " + t("rejected"), "rejected"));
    counts.replaceChildren(...parts);
  }

  // --- remembering the table across a language switch ----------------------------------

  function saveTokens() {
    try {
      sessionStorage.setItem(STORE, JSON.stringify(inTableOrder().map((r) => r.token)));
    } catch (e) {
      /* private browsing: the table is simply not restored */
    }
  }

  async function restore() {
    let tokens = [];
    try {
      tokens = JSON.parse(sessionStorage.getItem(STORE) || "[]");
    } catch (e) {
      tokens = [];
    }
    for (const token of tokens) {
      const response = await fetch("/api/uploads/" + encodeURIComponent(token) + "?lang=" + lang).catch(() => null);
      if (!response || !response.ok) continue;
      const r = await response.json();
      const tr = pendingRow(r.name);
      results.set(r.token, r);
      resultRow(tr, r);
    }
    saveTokens();
    refreshCounts();
  }

  // --- sending files ---------------------------------------------------------------------

  function enqueue(items) {
    for (const item of items) {
      const tr = pendingRow(item.name);
      if (item.file.size > data.maxBytes) {
        rejectedRow(tr, item.name, t("err_too_large", { name: item.name, limit: data.maxLabel }));
        continue;
      }
      queue.push({ item: item, tr: tr });
    }
    refreshCounts();
    pump();
  }

  function pump() {
    while (running < CONCURRENCY && queue.length) {
      const job = queue.shift();
      running += 1;
      send(job).finally(() => {
        running -= 1;
        refreshCounts();
        pump();
      });
    }
  }

  async function send(job) {
    const { item, tr } = job;
    tr.querySelector("td.verdict").replaceChildren(badge("pending", t("verifying"), ""));
    const form = new FormData();
    form.append("file", item.file, item.name);
    let response;
    try {
      response = await fetch("/api/verify?lang=" + lang, { method: "POST", body: form });
    } catch (e) {
      rejectedRow(tr, item.name, t("network_error"));
      return;
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok || !body || !body.results) {
      rejectedRow(tr, item.name, (body && body.detail) || response.status + " " + response.statusText);
      return;
    }
    const r = body.results[0];
    results.set(r.token, r);
    resultRow(tr, r);
    saveTokens();
  }

  async function forgetOne(token, tr) {
    await fetch("/api/uploads/" + encodeURIComponent(token), { method: "DELETE" }).catch(() => null);
    results.delete(token);
    tr.remove();
    saveTokens();
    refreshCounts();
  }

  document.getElementById("forget-all").addEventListener("click", async () => {
    await fetch("/api/uploads", { method: "DELETE" }).catch(() => null);
    results.clear();
    queue.length = 0;
    rows.querySelectorAll("tr.row").forEach((tr) => tr.remove());
    saveTokens();
    refreshCounts();
  });

  // --- CSV, for the jury's spreadsheet ---------------------------------------------------

  function csvCell(value) {
    let s = value === null || value === undefined ? "" : String(value);
    // A cell starting with = + - @ would run as a formula in a spreadsheet.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  document.getElementById("export-csv").addEventListener("click", () => {
    // The header speaks the page's language, as the cells do (verdict, AI share and charter
    // are words in that language): the file is for the jury's spreadsheet. Programs that
    // need stable English identifiers read the JSON API (/api/verify) instead.
    const header = ["f_file", "col_title", "col_artist", "f_organisation", "csv_verdict_code", "col_verdict", "col_ai", "csv_kwh", "csv_co2", "col_charter", "f_sha256", "csv_artwork_id"].map((key) => t(key));
    const lines = [header.map(csvCell).join(",")];
    for (const r of inTableOrder()) {
      lines.push(
        [r.name, r.title, r.artist, r.organisation, r.verdict, r.verdict_title[lang], r.ai_share_label[lang], r.energy.kwh, r.energy.kg_co2eq, r.charter.label[lang], r.sha256, r.artwork_id]
          .map(csvCell)
          .join(",")
      );
    }
    const blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    const link = el("a", { href: URL.createObjectURL(blob), download: "artcharter-jury-desk.csv" });
    document.body.appendChild(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 0);
  });

  // --- drag and drop, file picker ----------------------------------------------------------

  async function walk(entry, prefix, out) {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      // Inside a dropped folder, only images: its other files are not submissions.
      if (!prefix || (IMAGE_NAME.test(file.name) && !file.name.startsWith("."))) out.push({ file: file, name: prefix + file.name });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const child of batch) await walk(child, prefix + entry.name + "/", out);
      }
    }
  }

  async function dropped(transfer) {
    // Entries must be taken while the drop event runs: the DataTransfer empties after it.
    const items = [...(transfer.items || [])].filter((i) => i.kind === "file");
    const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
    const files = [...(transfer.files || [])];
    if (!entries.length || entries.some((e) => !e)) return files.map((f) => ({ file: f, name: f.name }));
    const out = [];
    for (const entry of entries) await walk(entry, "", out);
    return out;
  }

  // The whole page takes drops (a jury aims at the table as often as at the zone), and a
  // file dropped anywhere never makes the browser leave the desk.
  ["dragenter", "dragover"].forEach((type) =>
    document.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add("over");
    })
  );
  document.addEventListener("dragleave", (event) => {
    if (!event.relatedTarget) drop.classList.remove("over");
  });
  document.addEventListener("drop", async (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    enqueue(await dropped(event.dataTransfer));
  });

  input.addEventListener("change", () => {
    enqueue([...input.files].map((f) => ({ file: f, name: f.webkitRelativePath || f.name })));
    input.value = "";
  });

  restore();
})();
