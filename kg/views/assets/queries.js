// The saved-query runner: each saved query (embedded as JSON) runs against a SPARQL 1.1 endpoint
// (default: same-origin /query, as `kg serve` offers; change it in the page or with ?endpoint=URL).
// Parameter values become RDF terms through termFor() (checked, escaped) and are bound in a VALUES block
// at the top of the outer WHERE, as kg.query.saved does on the Python side; they are never pasted raw.
// A name parameter is compared as kg query compares it (kg.query.names): the page asks the endpoint once
// for every stored label, alias and ISO code, folds them (kgFold, kg/terms.js) and binds every stored
// spelling that folds to what was typed ("Erdogan" -> "Erdoğan"); a name none folds to is said.
(function () {
  "use strict";
  var catalogue = JSON.parse(document.getElementById("kg-queries").textContent);
  var namesQuery = JSON.parse(document.getElementById("kg-names").textContent);
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var endpoint = document.getElementById("endpoint");
  var fromUrl = new URLSearchParams(window.location.search).get("endpoint");
  if (fromUrl) { endpoint.value = fromUrl; }

  function literal(text) {
    return "\"" + text.replace(/\\/g, "\\\\").replace(/"/g, "\\\"").replace(/\n/g, "\\n")
      .replace(/\r/g, "\\r").replace(/\t/g, "\\t") + "\"";
  }

  function termFor(param, value) {
    if (param.type === "iri") {
      if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|^`\\\u0000-\u0020]*$/.test(value)) { throw new Error(param.name + ": not an IRI"); }
      return "<" + value + ">";
    }
    if (param.type === "date") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) { throw new Error(param.name + ": not a date (YYYY-MM-DD)"); }
      return literal(value) + "^^<" + XSD + "date>";
    }
    if (param.type === "integer") {
      if (!/^[+-]?\d+$/.test(value)) { throw new Error(param.name + ": not an integer"); }
      return literal(String(parseInt(value, 10))) + "^^<" + XSD + "integer>";
    }
    return literal(value);
  }

  // values: parameter name -> a list of values (one VALUES row each; several parameters: every combination)
  function bind(query, values) {
    query.parameters.forEach(function (p) {
      if (p.required && !values[p.name].length) { throw new Error(p.name + " is required"); }
    });
    if (!query.parameters.length) { return query.text; }
    var rows = [[]];
    query.parameters.forEach(function (p) {
      var terms = values[p.name].length ? values[p.name].map(function (v) { return termFor(p, v); }) : ["UNDEF"];
      var next = [];
      rows.forEach(function (row) { terms.forEach(function (t) { next.push(row.concat([t])); }); });
      rows = next;
    });
    var block = "VALUES (" + query.parameters.map(function (p) { return "?" + p.name; }).join(" ") +
      ") { " + rows.map(function (row) { return "(" + row.join(" ") + ")"; }).join(" ") + " }";
    var blanked = query.text.replace(/#[^\n]*/g, function (m) { return " ".repeat(m.length); });
    var match = /\bWHERE\s*\{/i.exec(blanked);
    if (!match) { throw new Error("the query has no WHERE clause"); }
    var at = match.index + match[0].length;
    return query.text.slice(0, at) + "\n  " + block + "\n" + query.text.slice(at);
  }

  function post(text) {
    return fetch(endpoint.value || "/query", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json" },
      body: text
    }).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (t) { throw new Error(response.status + " " + t); });
      }
      return response.json();
    });
  }

  // The stored names by their folded text, asked of the endpoint once per endpoint URL.
  var spellings = {};
  function storedSpellings() {
    var url = endpoint.value || "/query";
    if (!spellings[url]) {
      spellings[url] = post(namesQuery).then(function (result) {
        var byFold = {};
        result.results.bindings.forEach(function (b) {
          if (!b.name) { return; }
          var key = window.kgFold(b.name.value);
          (byFold[key] = byFold[key] || []).push(b.name.value);
        });
        return byFold;
      });
      spellings[url].catch(function () { delete spellings[url]; });
    }
    return spellings[url];
  }

  // Each typed value as the list of values to bind; a name as its stored spellings, the names that none
  // matches collected in unmatched.
  function spelled(query, typed, unmatched) {
    var names = query.parameters.filter(function (p) { return p.type === "name" && typed[p.name] !== ""; });
    var ready = names.length ? storedSpellings() : Promise.resolve({});
    return ready.then(function (byFold) {
      var values = {};
      query.parameters.forEach(function (p) {
        var value = typed[p.name];
        values[p.name] = value === "" ? [] : [value];
        if (names.indexOf(p) >= 0) {
          var found = byFold[window.kgFold(value)];
          if (found) { values[p.name] = found.slice().sort(); }
          else { unmatched.push(p.name + " \u201c" + value + "\u201d"); }
        }
      });
      return values;
    });
  }

  function table(result) {
    var t = document.createElement("table");
    t.className = "results";
    var head = t.createTHead().insertRow();
    var vars = (result.head && result.head.vars) || [];
    vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
    var body = t.createTBody();
    (result.results ? result.results.bindings : []).forEach(function (b) {
      var row = body.insertRow();
      vars.forEach(function (v) { window.kgFillTerm(row.insertCell(), b[v]); });
    });
    if (typeof result.boolean === "boolean") { body.insertRow().insertCell().textContent = String(result.boolean); }
    return t;
  }

  function run(query, form, out) {
    var typed = {};
    query.parameters.forEach(function (p) { typed[p.name] = form.elements[p.name].value.trim(); });
    out.textContent = "running…";
    var unmatched = [];
    spelled(query, typed, unmatched).then(function (values) {
      return post(bind(query, values));
    }).then(function (result) {
      out.textContent = "";
      var rows = result.results ? result.results.bindings.length : 1;
      var note = document.createElement("p");
      note.className = "muted rows";
      note.textContent = rows + " row(s)" + (unmatched.length ? ": no stored name (label, alias or ISO code, " +
        "case and accents aside) matches " + unmatched.join(", ") : "");
      out.appendChild(note);
      out.appendChild(table(result));
    }).catch(function (e) { out.textContent = "error: " + explain(e); });
  }

  // fetch() rejects with a TypeError ("Failed to fetch") when the endpoint is unreachable or, for a page of
  // another origin (or opened from disk), when the endpoint sends no CORS headers: say what to do.
  function explain(e) {
    if (!(e instanceof TypeError)) { return e.message; }
    var url = endpoint.value || "/query";
    // a page opened from disk sends "Origin: null" (although Chromium's location.origin says "file://")
    var origin = window.location.protocol === "file:" || !window.location.origin ? "null" : window.location.origin;
    return "could not reach the endpoint " + url + " (" + e.message + "). Is kg serve running? A page not served " +
      "by kg serve itself (kg serve --site DIR serves these pages) can use it only if kg serve was started with " +
      "--cors " + origin + " (CORS is off by default).";
  }

  var list = document.getElementById("queries");
  catalogue.forEach(function (query) {
    var section = document.createElement("section");
    section.className = "fact query";
    section.id = "query-" + query.name;
    var h = document.createElement("h3");
    h.textContent = query.name;
    var summary = document.createElement("p");
    summary.textContent = query.summary;
    var form = document.createElement("form");
    query.parameters.forEach(function (p) {
      var label = document.createElement("label");
      label.textContent = p.name + (p.required ? " " : " (optional) ");
      var input = document.createElement("input");
      input.name = p.name;
      input.title = p.doc;
      input.placeholder = p.type;
      label.appendChild(input);
      form.appendChild(label);
    });
    var button = document.createElement("button");
    button.type = "submit";
    button.textContent = "Run";
    button.className = "run";
    form.appendChild(button);
    var out = document.createElement("div");
    out.className = "output";
    form.addEventListener("submit", function (event) { event.preventDefault(); run(query, form, out); });
    var code = document.createElement("details");
    var s = document.createElement("summary");
    s.textContent = "SPARQL";
    var pre = document.createElement("pre");
    pre.textContent = query.text;
    code.appendChild(s);
    code.appendChild(pre);
    section.appendChild(h); section.appendChild(summary); section.appendChild(form);
    section.appendChild(code); section.appendChild(out);
    list.appendChild(section);
  });
}());
