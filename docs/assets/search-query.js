/* Let readers search for formulas as they write them.

   The search index holds each formula in a plain-text form (docs/_build/search_scope.py):
   "∂D/∂W = Xᵀ", "d tr(AXB)", "X⁻¹". This rewrites a query the same way before mkdocs-material's
   search worker sees it: "dD/dW" -> "∂D/∂W", "X^{-1}" -> "X⁻¹", "A^T" -> "Aᵀ". It also keeps a
   "^" from reaching the worker, where it means "boost" and makes the query fail with no results.
   Only query messages to the search worker are changed; the search box shows what was typed. */
(function () {
  "use strict";
  const QUERY = 2; // mkdocs-material's SearchMessageType.QUERY
  const POWERS = [
    [/\^\s*\{?\s*-\s*(?:\\top|T)(?:\s*\})?/g, "⁻ᵀ"],
    [/\^\s*\{?\s*(?:\\top|T)(?:\s*\})?/g, "ᵀ"],
    [/\^\s*\{?\s*-\s*1(?:\s*\})?/g, "⁻¹"],
    [/\^\s*\{?\s*-\s*2(?:\s*\})?/g, "⁻²"],
    [/\^\s*\{?\s*2(?:\s*\})?/g, "²"],
    [/\^\s*\{?\s*3(?:\s*\})?/g, "³"],
    [/\^\s*\{?\s*k(?:\s*\})?/g, "ᵏ"],
  ];

  function rewrite(query) {
    let text = query
      .replace(/\\partial\s*/g, "∂")
      .replace(/\\(?:operatorname|mathrm|text)\s*\{([^{}]*)\}/g, "$1");
    for (const [pattern, replacement] of POWERS) text = text.replace(pattern, replacement);
    return text
      .replace(/(^|[^\p{L}\p{N}])d([\p{L}][\p{L}\p{N}_]*)\s*\/\s*d([\p{L}][\p{L}\p{N}_]*)/gu,
               "$1∂$2/∂$3")
      .replace(/\\([A-Za-z]+)\s*/g, "$1 ")
      .replace(/\s*\/\s*/g, "/")
      .replace(/[\^{}\\]/g, " ");
  }

  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === QUERY && typeof message.data === "string")
      message = { ...message, data: rewrite(message.data) };
    return post.call(this, message, ...rest);
  };
})();
