// artcharter jury desk, the school's page: send a workstation's ledger to /api/ledger with
// the merge token and show what the merge did. Texts from the server go through textContent.
"use strict";

(function () {
  const data = JSON.parse(document.getElementById("merge-data").textContent);
  const form = document.getElementById("merge-form");
  const result = document.getElementById("merge-result");
  const button = document.getElementById("merge-submit");

  function show(lines, failed) {
    result.replaceChildren();
    result.className = failed ? "warn" : "";
    for (const line of lines) {
      const item = document.createElement("li");
      item.textContent = line;
      result.appendChild(item);
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = document.getElementById("merge-file").files[0];
    const token = document.getElementById("merge-token").value.trim();
    if (!file || !token) return;
    const body = new FormData();
    body.append("file", file, file.name);
    button.disabled = true;
    show([data.sending], false);
    try {
      const response = await fetch("/api/ledger?lang=" + data.lang, {
        method: "POST",
        headers: { Authorization: "Bearer " + token },
        body,
      });
      const answer = await response.json();
      if (response.ok) show(answer.summary, false);
      else show([answer.detail], true);
    } catch (error) {
      show([data.network_error], true);
    } finally {
      button.disabled = false;
    }
  });
})();
