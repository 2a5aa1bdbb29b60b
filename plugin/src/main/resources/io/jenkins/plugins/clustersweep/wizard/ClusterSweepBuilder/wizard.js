/*
 * The build wizard's Preview button: posts the grid fields of its own wizard (the parameter rows as
 * repeated rowName/rowValues, which f:validateButton cannot send) to the descriptor's preview method,
 * with the CSRF crumb from <head>, and shows the answer (FormValidation HTML, escaped by the server).
 */
Behaviour.specify(".cluster-sweep-preview", "cluster-sweep-preview", 0, function (button) {
  button.addEventListener("click", function () {
    const wizard = button.closest(".cluster-sweep-wizard");
    const out = wizard.querySelector(".cluster-sweep-preview-result");
    const field = function (name) {
      const e = wizard.querySelector('[name="_.' + name + '"]');
      if (!e) {
        return "";
      }
      return e.type === "checkbox" ? String(e.checked) : e.value;
    };
    const body = new URLSearchParams();
    ["command", "jobName", "posArgs", "flags", "argMode", "tag", "tagName", "tagArgs", "tagNumber"].forEach(
      function (name) {
        body.append(name, field(name));
      },
    );
    wizard.querySelectorAll('[name="_.name"]').forEach(function (name) {
      const row = name.closest(".repeated-chunk");
      const values = row ? row.querySelector('[name="_.values"]') : null;
      body.append("rowName", name.value);
      body.append("rowValues", values ? values.value : "");
    });
    const headers = { "Content-Type": "application/x-www-form-urlencoded" };
    const crumbHeader = document.head.dataset.crumbHeader;
    if (crumbHeader) {
      headers[crumbHeader] = document.head.dataset.crumbValue;
    }
    fetch(button.dataset.url, { method: "post", headers: headers, body: body })
      .then(function (rsp) {
        return rsp.text();
      })
      .then(function (html) {
        out.innerHTML = html;
      });
  });
});
