/* Dashboard: filter and sort the measures without reloading the page.
   Without this script the form and the header links do the same on the server. */
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  ready(function () {
    var table = document.getElementById("traite-measures");
    var form = document.getElementById("traite-filters");
    var counter = document.getElementById("traite-row-count");
    if (!table || !form) { return; }
    var tbody = table.tBodies[0];
    var chapter = form.elements.chapitre;
    var status = form.elements.etat;
    var overdue = form.elements.retard;
    var day = form.elements.date;
    var initialDay = day.value;
    var template = counter.getAttribute("data-template") || counter.textContent.replace(/^\s*\d+/, "");

    function filter() {
      var shown = 0;
      Array.prototype.forEach.call(tbody.rows, function (row) {
        var keep = (!chapter.value || row.getAttribute("data-chapter") === chapter.value) &&
          (!status.value || row.getAttribute("data-status") === status.value) &&
          (!overdue.checked || row.getAttribute("data-overdue") === "1");
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      counter.textContent = shown + template;
    }

    function sortBy(th) {
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(th.parentNode.children, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = a.cells[index].getAttribute("data-sort") || "";
        var y = b.cells[index].getAttribute("data-sort") || "";
        var result = x.localeCompare(y, "fr", { numeric: true });
        return ascending ? result : -result;
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
    }

    // Whether the visitor changed a filter before this script ran (it is
    // deferred: a slow network or a busy server lets a choice come first).
    function changedEarly() {
      var select = [chapter, status].some(function (field) {
        var initial = field.querySelector("option[selected]") || field.options[0];
        return initial && field.value !== initial.value;
      });
      return select || overdue.checked !== overdue.defaultChecked;
    }

    [chapter, status, overdue].forEach(function (field) { field.addEventListener("change", filter); });
    if (changedEarly()) { filter(); }
    form.addEventListener("submit", function (event) {
      // A new date needs the server (statuses on that day): let it submit.
      if (day.value === initialDay) { event.preventDefault(); filter(); }
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var link = th.querySelector("a");
      if (!link) { return; }
      link.setAttribute("role", "button");
      link.addEventListener("click", function (event) { event.preventDefault(); sortBy(th); });
      link.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); sortBy(th); }
      });
    });
  });
}());
