// Configure MathJax 3 and load it from this site (no CDN).
// Pages typeset the spans that pymdownx.arithmatex marks; notebook pages
// typeset their Markdown cells, which keep the `$...$` notation.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  startup: {
    // Typeset only formulas: arithmatex spans on pages, Markdown cells in notebooks.
    elements: [".arithmatex", ".jp-RenderedMarkdown"],
  },
};
(function () {
  var engine = document.createElement("script");
  engine.src = new URL("mathjax/tex-chtml.js", document.currentScript.src).href;
  engine.async = true;
  document.head.appendChild(engine);
})();
