/* The site's small script: the menu toggle on narrow screens, the copy and print buttons, and
   the forms sent without reloading (supports, comments).
   Without it every menu is shown and every link still works. */
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector("[data-menu-toggle]");
  const menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (toggle && menu) {
    const setOpen = (open) => {
      toggle.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("is-open", open);
    };
    toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // Copy buttons (the report receipt): hidden without this script. The text is announced in the
  // button's live region, emptied first so that copying twice is announced twice; where the
  // clipboard cannot be written, the text to copy (data-copy-select) is selected for Ctrl + C.
  document.querySelectorAll("[data-copy]").forEach((button) => {
    button.hidden = false;
    const status = document.getElementById(button.dataset.copyStatus);
    const say = (text) => {
      if (!status) return;
      status.textContent = "";
      window.setTimeout(() => { status.textContent = text || ""; }, 50);
    };
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.copy);
        say(button.dataset.copiedText);
      } catch (error) {
        const target = document.getElementById(button.dataset.copySelect);
        if (target) {
          const range = document.createRange();
          range.selectNodeContents(target);
          window.getSelection().removeAllRanges();
          window.getSelection().addRange(range);
        }
        say(button.dataset.copyFailedText);
      }
    });
  });

  // Support and withdraw without leaving the page: the same form, sent with fetch. The server
  // answers with the idea's new control and the supports left; on any failure the form is
  // submitted the ordinary way, so nothing depends on this script.
  const liveRegion = document.createElement("div");
  liveRegion.className = "visually-hidden";
  // A polite live region without the status role: the page's own messages keep that role.
  liveRegion.setAttribute("aria-live", "polite");
  liveRegion.setAttribute("aria-atomic", "true");
  liveRegion.dataset.announcer = "";
  document.body.appendChild(liveRegion);

  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-inline-support]");
    if (!form || form.dataset.sending) return;
    event.preventDefault();
    form.dataset.sending = "1";
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json", "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
      const data = await response.json();
      if (!response.ok) {
        liveRegion.textContent = data.detail || "";
        const control = form.closest("[data-support-control]");
        let error = control.querySelector(".support-error");
        if (!error) {
          error = document.createElement("p");
          error.className = "support-error";
          error.setAttribute("role", "alert");
          control.appendChild(error);
        }
        error.textContent = data.detail || "";
        if (button) button.disabled = false;
        delete form.dataset.sending;
        return;
      }
      const control = form.closest("[data-support-control]");
      const holder = document.createElement("div");
      holder.innerHTML = data.html;
      const fresh = holder.firstElementChild;
      control.replaceWith(fresh);
      document.querySelectorAll("[data-supports-left]").forEach((node) => {
        node.textContent = data.supports_left_text;
      });
      liveRegion.textContent = [data.message, data.supports_left_text].filter(Boolean).join(" ");
      const next = fresh.querySelector("button, a");
      if (next) next.focus();
    } catch (error) {
      form.submit();
    }
  });

  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
});
