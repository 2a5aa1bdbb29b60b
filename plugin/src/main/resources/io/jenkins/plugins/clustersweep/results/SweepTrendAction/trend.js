/*
 * The sweep's trend charts: for each .cluster-sweep-trend-chart, fetch its model (echarts-api's
 * LinesChartModel as JSON) from the trend action and draw it with echarts-api's
 * echartsJenkinsApi.renderConfigurableZoomableTrendChart, as other plugins' trend charts are drawn;
 * a click on a build opens that build's results.
 */
(function () {
  let next = 0;

  function render(box, chart) {
    if (!chart.id) {
      chart.id = "cluster-sweep-trend-" + (next++);
    }
    fetch(box.dataset.url + chart.dataset.model, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(new Error(r.statusText)); })
      .then(function (model) {
        echartsJenkinsApi.renderConfigurableZoomableTrendChart(chart.id, model, null, function (build) {
          const number = String(build).replace(/^#/, "");
          if (/^[0-9]+$/.test(number)) {
            window.location.assign(box.dataset.buildUrl + number + "/" + (box.dataset.results || ""));
          }
        });
      })
      .catch(function (e) { chart.textContent = e.message; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".cluster-sweep-trend").forEach(function (box) {
      box.querySelectorAll(".cluster-sweep-trend-chart").forEach(function (chart) { render(box, chart); });
    });
  });
})();
