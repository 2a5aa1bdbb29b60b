/*
 * The "Sweep results" page: loads one page of the results table from "data" (JSON), best first,
 * and redraws it when a column header is clicked (sorted by it; again: the other way) or the page
 * changes. Every cell goes in as a text node, never as HTML.
 */
(function () {
  const state = { sort: "rank", order: "asc", page: 1, size: 25 };

  function shown(v, decimals) {
    if (v === null || v === undefined) {
      return "";
    }
    if (typeof v === "number" && decimals >= 0) {
      return v.toFixed(decimals);
    }
    if (typeof v === "number" && !Number.isInteger(v)) {
      return String(Number(v.toPrecision(6)));
    }
    return String(v);
  }

  /*
   * Per column of the page, the decimals its numbers are shown with, as sweep results and the report
   * show a column (core's ShownColumns): as many as the number that needs most at six significant
   * digits, so that a column lines up; 0 for whole numbers, -1 (each on its own) when a number needs
   * scientific notation there (from 1e9, under 1e-4).
   */
  function columnDecimals(rows, width) {
    const decimals = [];
    for (let i = 0; i < width; i++) {
      let most = 0;
      for (const row of rows) {
        const v = row[i];
        if (i === 0 || typeof v !== "number" || v === 0 || most < 0) {
          continue;
        }
        if (Math.abs(v) >= 1e9 || Math.abs(v) < 1e-4) {
          most = -1;
        } else {
          const text = String(Number(v.toPrecision(6)));
          const point = text.indexOf(".");
          most = Math.max(most, point < 0 ? 0 : text.length - point - 1);
        }
      }
      decimals.push(most);
    }
    return decimals;
  }

  function load(root) {
    const q = new URLSearchParams({ sort: state.sort, order: state.order, page: state.page, size: state.size });
    fetch("data?" + q.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) {
          return r.text().then(function (t) { throw new Error(t || r.statusText); });
        }
        return r.json();
      })
      .then(function (data) { draw(root, data); })
      .catch(function (e) {
        root.querySelector(".cluster-sweep-results-pager").textContent = e.message;
      });
  }

  function header(root, data) {
    const tr = root.querySelector("thead tr");
    tr.replaceChildren();
    ["rank"].concat(data.columns).forEach(function (name) {
      const th = document.createElement("th");
      const a = document.createElement("a");
      a.href = "#";
      let label = name === "rank" ? root.dataset.textRank : name;
      if (name === data.sort) {
        label += data.order === "desc" ? " \u25BC" : " \u25B2";
      }
      a.textContent = label;
      if (name === data.metric) {
        a.title = data.maximize ? "largest first" : "smallest first";
      }
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        state.order = state.sort === name && state.order === "asc" ? "desc" : "asc";
        state.sort = name;
        state.page = 1;
        load(root);
      });
      th.appendChild(a);
      tr.appendChild(th);
    });
  }

  function pager(root, data) {
    const p = root.querySelector(".cluster-sweep-results-pager");
    p.replaceChildren();
    const text = document.createElement("span");
    text.textContent = root.dataset.textPage + " " + data.page + " " + root.dataset.textOf + " " + data.pages
      + " (" + data.total + ")";
    p.appendChild(text);
    [["previous", data.page > 1, -1], ["next", data.page < data.pages, 1]].forEach(function (b) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "jenkins-button jenkins-button--tertiary";
      button.textContent = root.dataset["text" + b[0].charAt(0).toUpperCase() + b[0].slice(1)];
      button.disabled = !b[1];
      button.addEventListener("click", function () {
        state.page += b[2];
        load(root);
      });
      p.appendChild(button);
    });
    const label = document.createElement("label");
    label.textContent = root.dataset.textRows + " ";
    const select = document.createElement("select");
    select.className = "jenkins-select__input";
    [10, 25, 100, 500].forEach(function (n) {
      const o = document.createElement("option");
      o.value = n;
      o.textContent = n;
      o.selected = n === data.size;
      select.appendChild(o);
    });
    select.addEventListener("change", function () {
      state.size = parseInt(select.value, 10);
      state.page = 1;
      load(root);
    });
    label.appendChild(select);
    p.appendChild(label);
  }

  function draw(root, data) {
    header(root, data);
    pager(root, data);
    const body = root.querySelector("tbody");
    body.replaceChildren();
    if (data.rows.length === 0) {
      const tr = document.createElement("tr");
      const td = document.createElement("td");
      td.colSpan = data.columns.length + 1;
      td.textContent = root.dataset.textNone;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    const decimals = columnDecimals(data.rows, data.columns.length + 1);
    data.rows.forEach(function (row) {
      const tr = document.createElement("tr");
      tr.dataset.task = row[1];
      if (row[0] === 1) {
        tr.className = "cluster-sweep-best";
      }
      row.forEach(function (cell, i) {
        const td = document.createElement("td");
        td.textContent = i === 0 ? (cell > 0 ? String(cell) : "") : shown(cell, decimals[i]);
        if (typeof cell === "number" || i === 0) {
          td.className = "cluster-sweep-number";
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const root = document.getElementById("cluster-sweep-results");
    if (root) {
      load(root);
    }
  });
})();
