// The encounter list: filters (actor, country discussed, date range) over the JSON embedded in the page.
// All text is set with textContent (never innerHTML), so names and titles cannot inject markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var actor = byId("f-actor"), country = byId("f-country"), from = byId("f-from"), to = byId("f-to");
  var body = byId("encounters").tBodies[0], count = byId("count");

  data.countries.forEach(function (c) {
    var option = document.createElement("option");
    option.value = c.code;
    option.textContent = c.label + (c.code !== c.label ? " (" + c.code + ")" : "");
    country.appendChild(option);
  });

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  var fold = window.kgFold;  // names compared folded (kg/terms.js, as kg/folding.py)

  function matches(e) {
    var a = fold(actor.value.trim());
    if (a && !e.participants.some(function (p) {
      return p.folded.indexOf(a) >= 0 || p.iso3.toLowerCase() === a;
    })) { return false; }
    if (country.value && e.countries.indexOf(country.value) < 0) { return false; }
    if (from.value && (!e.end || e.end < from.value)) { return false; }
    if (to.value && (!e.start || e.start > to.value)) { return false; }
    return true;
  }

  // The filters in use, in words, to say what was not found.
  function filters() {
    var said = [];
    if (actor.value.trim()) { said.push("actor \u201c" + actor.value.trim() + "\u201d"); }
    if (country.value) { said.push("country discussed " + country.value); }
    if (from.value) { said.push("from " + from.value); }
    if (to.value) { said.push("to " + to.value); }
    return said;
  }

  function render() {
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var shown = data.encounters.filter(matches);
    shown.forEach(function (e) {
      var row = document.createElement("tr");
      row.className = "encounter";
      var date = cell(row, e.date_label);
      date.className = "date";
      if (e.precision === "month" || e.precision === "year") {  // a period, not its first day
        date.className += " imprecise";
        date.title = "known to the " + e.precision + " only: some day from " + e.start + " to " + e.end;
      }
      var link = document.createElement("a");
      link.href = e.page;
      link.textContent = e.kind_label;
      cell(row, "").appendChild(link);
      cell(row, e.participants.map(function (p) { return p.name + (p.iso3 ? " (" + p.iso3 + ")" : ""); }).join("; "));
      cell(row, e.discussed.join(", "));
      cell(row, e.duration);
      cell(row, String(e.articles));
      body.appendChild(row);
    });
    count.textContent = shown.length + " of " + data.encounters.length + " encounters" +
      (shown.length || !filters().length ? "" : ": none matches " + filters().join(", "));
  }

  [actor, country, from, to].forEach(function (el) {
    el.addEventListener("input", render);
    el.addEventListener("change", render);
  });
  byId("f-clear").addEventListener("click", function () {
    actor.value = ""; country.value = ""; from.value = ""; to.value = ""; render();
  });
  render();
}());
