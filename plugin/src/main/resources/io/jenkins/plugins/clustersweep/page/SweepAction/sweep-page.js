/*
 * The "Cluster sweep" page: sizes the progress bar from data-percent (no inline style: Jenkins' CSP
 * mode), selects a page's rows, and while the sweep is live polls "data" (SweepPage JSON) every few
 * seconds and redraws the counts and rows. All task text goes in as text nodes, never as HTML.
 * When the sweep stops being live the page reloads once, so that the log links point at the
 * archived logs.
 */
(function () {
  const POLL_MILLIS = 3000;

  function sizeBar(root) {
    root.querySelectorAll(".cluster-sweep-segment").forEach(function (segment) {
      segment.style.width = (parseInt(segment.dataset.percent, 10) || 0) + "%";
    });
  }

  function cell(text) {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    return td;
  }

  function row(root, r, checked) {
    const tr = document.createElement("tr");
    tr.dataset.id = r.id;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "task";
    box.value = r.id;
    box.checked = checked;
    const first = document.createElement("td");
    first.appendChild(box);
    tr.appendChild(first);
    tr.appendChild(cell(r.id));
    const tag = cell("");
    const code = document.createElement("code");
    code.textContent = r.tag || "";
    tag.appendChild(code);
    tr.appendChild(tag);
    const state = cell(r.state);
    if (r.detail) {
      state.title = r.detail;
    }
    tr.appendChild(state);
    tr.appendChild(cell(r.exitCode));
    tr.appendChild(cell(r.attempts));
    tr.appendChild(cell(r.host));
    tr.appendChild(cell(r.duration));
    const logs = cell("");
    (r.logs || []).forEach(function (log) {
      const a = document.createElement("a");
      a.href = root.dataset.logBase + log.relativePath + (root.dataset.logSuffix || "");
      a.textContent = log.attempt + "." + (log.stream === "STDERR" ? "err" : "out");
      logs.appendChild(a);
      logs.appendChild(document.createTextNode(" "));
    });
    tr.appendChild(logs);
    return tr;
  }

  function redraw(root, data) {
    const page = data.page;
    const progress = page.progress;
    root.querySelector(".cluster-sweep-finished").textContent = progress.finishedPercent;
    root.querySelector(".cluster-sweep-total").textContent = progress.total;
    progress.states.forEach(function (s) {
      const segment = root.querySelector('.cluster-sweep-segment[data-state="' + s.state + '"]');
      if (segment) {
        segment.dataset.percent = s.percent;
        segment.title = s.state + ": " + s.count;
      }
      const count = root.querySelector('[data-count="' + s.state + '"]');
      if (count) {
        count.textContent = s.count;
      }
    });
    root.querySelector('[data-count="all"]').textContent = progress.total;
    const unsuccessful = root.querySelector('[data-count="unsuccessful"]');
    if (unsuccessful) {
      unsuccessful.textContent = progress.unsuccessful;
    }
    const notLaunched = root.querySelector('.cluster-sweep-segment[data-state="NOT_LAUNCHED"]');
    if (notLaunched) {
      notLaunched.dataset.percent = progress.notLaunchedPercent;
    }
    sizeBar(root);
    if (page.search) {
      ["samples", "best"].forEach(function (part) {
        const cell = root.querySelector('[data-search="' + part + '"]');
        if (cell) {
          cell.textContent = page.search[part + "Text"];
        }
      });
    }
    // A search adds tasks as it goes: the row counts change, not only the states.
    root.querySelectorAll("[data-table]").forEach(function (span) {
      span.textContent = page.table[span.dataset.table];
    });
    const body = root.querySelector(".cluster-sweep-rows");
    const checked = new Set();
    body.querySelectorAll('input[name="task"]:checked').forEach(function (box) {
      checked.add(box.value);
    });
    const rows = document.createDocumentFragment();
    page.table.rows.forEach(function (r) {
      rows.appendChild(row(root, r, checked.has(String(r.id))));
    });
    body.replaceChildren(rows);
  }

  function poll(root) {
    const url =
      "data?filter=" + encodeURIComponent(root.dataset.filter) +
      "&page=" + encodeURIComponent(root.dataset.page) +
      "&size=" + encodeURIComponent(root.dataset.size);
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (rsp) {
        return rsp.ok ? rsp.json() : null;
      })
      .then(function (data) {
        if (data === null) {
          setTimeout(poll, POLL_MILLIS * 5, root);
          return;
        }
        redraw(root, data);
        if (data.live) {
          setTimeout(poll, POLL_MILLIS, root);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        setTimeout(poll, POLL_MILLIS * 5, root);
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const root = document.getElementById("cluster-sweep");
    if (!root) {
      return;
    }
    sizeBar(root);
    const all = root.querySelector(".cluster-sweep-all");
    if (all) {
      all.addEventListener("change", function () {
        root.querySelectorAll('input[name="task"]').forEach(function (box) {
          box.checked = all.checked;
        });
      });
    }
    if (root.dataset.live === "true") {
      setTimeout(poll, POLL_MILLIS, root);
    }
  });
})();
