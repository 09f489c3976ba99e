/* Plone's toolbar pins and unpins itself with links that have no href: they
   cannot take the keyboard focus and may not carry an aria-label. Make them
   buttons a keyboard can reach and press (Enter or Space). */
(function () {
  "use strict";
  function fix() {
    document.querySelectorAll(".toolbar-collapse:not([href]), .toolbar-expand:not([href])").forEach(function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("tabindex", "0");
      link.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); link.click(); }
      });
    });
  }
  if (document.readyState !== "loading") { fix(); } else { document.addEventListener("DOMContentLoaded", fix); }
}());
