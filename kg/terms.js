// Shared by kg's browser pages (the static site and the query page of kg serve), so that both compare
// names and show RDF terms alike:
// - kgFold(text): names compared folded, as kg/folding.py does — lower case, decomposed (NFKD), combining
//   marks dropped, the Latin letters Unicode does not decompose mapped to plain ones — so that "Erdogan"
//   and "ERDOĞAN" find "Erdoğan" (the browser test checks it against the Python fold);
// - kgFillTerm(td, term): one RDF term of a SPARQL JSON result into a table cell, as text (never markup):
//   an http(s) IRI as a link to itself, a blank node as _:id, a literal as its text with its language tag
//   beside it and its datatype in the tooltip.
(function () {
  "use strict";
  var UNDECOMPOSED = { "ł": "l", "ø": "o", "đ": "d", "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l", "æ": "ae",
                       "œ": "oe", "þ": "th", "ð": "d", "ß": "ss", "ς": "σ" };
  window.kgFold = function (text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")
      .replace(/[łøđıħŧŀæœþðßς]/g, function (ch) { return UNDECOMPOSED[ch]; });
  };

  var XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
  window.kgFillTerm = function (td, term) {
    if (!term) { return; }
    if (term.type === "uri") {
      if (!/^https?:\/\//i.test(term.value)) { td.textContent = term.value; return; }
      var link = document.createElement("a");
      link.href = term.value;
      link.rel = "noopener noreferrer";
      link.textContent = term.value;
      td.appendChild(link);
    } else if (term.type === "bnode") {
      td.className = "bnode";
      td.textContent = "_:" + term.value;
    } else {
      td.appendChild(document.createTextNode(term.value));
      if (term["xml:lang"]) {
        var lang = document.createElement("span");
        lang.className = "lang";
        lang.title = "language tag";
        lang.textContent = term["xml:lang"];
        td.appendChild(lang);
      }
      if (term.datatype && term.datatype !== XSD_STRING) { td.title = term.datatype; }
    }
  };
}());
