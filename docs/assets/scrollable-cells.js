/* Table cells that scroll sideways take the keyboard focus, and only those.

   On a phone the cheat sheet and the Cookbook table become cards (math.css), and a formula
   wider than its card scrolls inside its cell. A keyboard user can scroll a region only once
   it has the focus (WCAG 2.1.1), so such a cell gets tabindex="0"; a cell whose content fits
   gets none, so the Tab key does not stop at hundreds of cells for nothing. Displayed
   formulas and whole tables are made focusable when the page is built (scrollable.py); a
   cell's overflow depends on the reader's screen, so it is measured here, and again when
   the window changes size. */
(function () {
  "use strict";
  const MARK = "data-mcv-scrolls"; // set on the cells this script made focusable

  function scrolls(cell) {
    return cell.scrollWidth > cell.clientWidth + 1;
  }

  function markScrollableCells() {
    for (const cell of document.querySelectorAll(".md-typeset td")) {
      if (scrolls(cell)) {
        if (!cell.hasAttribute("tabindex")) {
          cell.setAttribute("tabindex", "0");
          cell.setAttribute(MARK, "");
        }
      } else if (cell.hasAttribute(MARK)) {
        cell.removeAttribute("tabindex");
        cell.removeAttribute(MARK);
      }
    }
  }

  let pending = 0;
  function later() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(markScrollableCells);
  }

  markScrollableCells();
  window.addEventListener("load", markScrollableCells);
  window.addEventListener("resize", later);
})();
