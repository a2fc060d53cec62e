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

  // Forms sent without leaving the page (supports, comments): the same form, sent with fetch
  // and Accept: application/json. The server answers with JSON: what changed, or `detail`, the
  // reason it refused. If the request itself fails (offline, an answer that is not JSON), the
  // form is submitted the ordinary way, so nothing depends on this script.
  const liveRegion = document.createElement("div");
  liveRegion.className = "visually-hidden";
  // A polite live region without the status role: the page's own messages keep that role.
  liveRegion.setAttribute("aria-live", "polite");
  liveRegion.setAttribute("aria-atomic", "true");
  liveRegion.dataset.announcer = "";
  document.body.appendChild(liveRegion);

  const sendInline = async (form) => {
    if (form.dataset.sending) return null;
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
      return { ok: response.ok, data: await response.json() };
    } catch (error) {
      form.submit();
      return null;
    } finally {
      if (button) button.disabled = false;
      delete form.dataset.sending;
    }
  };

  // Support and withdraw: the server answers with the idea's new control and the supports left.
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-inline-support]");
    if (!form) return;
    event.preventDefault();
    const answer = await sendInline(form);
    if (!answer) return;
    const { ok, data } = answer;
    const control = form.closest("[data-support-control]");
    if (!ok) {
      liveRegion.textContent = data.detail || "";
      let error = control.querySelector(".support-error");
      if (!error) {
        error = document.createElement("p");
        error.className = "support-error";
        error.setAttribute("role", "alert");
        control.appendChild(error);
      }
      error.textContent = data.detail || "";
      return;
    }
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
  });

  // Comments and replies: "Responder" opens a reply form under the comment (a copy of the
  // page's comment form) instead of reloading the page; the server answers with the new
  // comment's HTML, which takes its place in the thread and receives the focus. A refusal is
  // shown by the field, announced, and the field receives the focus.
  const commentError = (form, text) => {
    const field = form.querySelector("textarea[name=body]");
    let error = form.querySelector(".comment-error");
    if (!text) {
      if (error) error.remove();
      if (field) field.removeAttribute("aria-invalid");
      return;
    }
    if (!error) {
      error = document.createElement("p");
      error.className = "errorlist comment-error";
      error.id = `${form.id}-error`;
      if (field) field.before(error);
      else form.prepend(error);
    }
    error.textContent = text;
    liveRegion.textContent = text;
    if (field) {
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", error.id);
      field.focus();
    }
  };

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-reply-to]");
    const main = document.querySelector("form[data-inline-comment]#comentar");
    const article = link && link.closest("article.comment");
    if (!article || !main) return;
    event.preventDefault();
    const id = link.dataset.replyTo;
    let form = document.getElementById(`responder-${id}`);
    if (!form) {
      form = main.cloneNode(true);
      form.id = `responder-${id}`;
      form.querySelectorAll(".comment-error, .errorlist").forEach((node) => node.remove());
      const parent = form.querySelector("input[name=parent]");
      if (parent) parent.value = id;
      const field = form.querySelector("textarea[name=body]");
      field.value = "";
      field.id = `respuesta-${id}`;
      field.rows = 3;
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
      const label = form.querySelector("label");
      if (label) {
        label.htmlFor = field.id;
        label.textContent = link.dataset.replyLabel;
      }
      form.querySelectorAll("[id]").forEach((node) => {
        if (node !== field) node.removeAttribute("id");
      });
      const button = form.querySelector("button[type=submit]");
      if (button) {
        button.textContent = link.dataset.replySubmit;
        button.classList.add("button--small");
      }
      article.append(form);
    }
    form.querySelector("textarea[name=body]").focus();
  });

  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-inline-comment]");
    if (!form) return;
    event.preventDefault();
    const answer = await sendInline(form);
    if (!answer) return;
    const { ok, data } = answer;
    if (!ok) {
      commentError(form, data.detail || "");
      return;
    }
    commentError(form, "");
    const holder = document.createElement("ol");
    holder.innerHTML = data.html;
    const item = holder.firstElementChild;
    const list = document.querySelector("[data-comments]");
    const root = document.getElementById(`comentario-${data.thread}`);
    if (data.thread === data.id && list) {
      list.querySelectorAll("[data-comments-empty]").forEach((node) => node.remove());
      list.append(item);
    } else if (root) {
      const thread = root.closest("li");
      let replies = thread.querySelector(":scope > ol.replies");
      if (!replies) {
        replies = document.createElement("ol");
        replies.className = "replies";
        thread.append(replies);
      }
      replies.append(item);
    } else {
      window.location.assign(`#comentario-${data.id}`);
      window.location.reload();
      return;
    }
    const heading = document.getElementById("comments-title");
    if (heading && data.count_text) heading.textContent = data.count_text;
    if (form.id === "comentar") form.querySelector("textarea[name=body]").value = "";
    else form.remove();
    liveRegion.textContent = data.message || "";
    const article = item.querySelector("article.comment");
    if (article) {
      article.tabIndex = -1;
      article.focus();
    }
  });

  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
});
