/* "Copiar enlace" (templates/includes/share_links.html): copy the page's address instead of
   following the link, and say so in the polite live region. Where the clipboard cannot be
   written, the address appears selected in a text field. Without this script the link simply
   leads to the page. */
(function () {
  "use strict";
  if (window.labShareReady) return;
  window.labShareReady = true;

  function announce(box, text) {
    const status = box.querySelector("[data-share-status]");
    if (!status) return;
    // Emptied first, so that copying twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function selectByHand(box) {
    const wrap = box.querySelector("[data-share-manual]");
    const field = box.querySelector("[data-share-field]");
    if (!wrap || !field) return;
    wrap.hidden = false;
    field.focus();
    field.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    announce(box, copied ? box.dataset.copied : box.dataset.copyManual);
  }

  document.addEventListener("click", function (event) {
    const link = event.target.closest("[data-share-copy]");
    const box = link && link.closest("[data-share]");
    if (!box) return;
    event.preventDefault();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link.href).then(
        function () { announce(box, box.dataset.copied); },
        function () { selectByHand(box); }
      );
    } else {
      selectByHand(box);
    }
  });
})();
