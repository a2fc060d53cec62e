/* The live debate room: connects to the room's WebSocket, applies events in `seq` order, asks
   for a snapshot when it sees a gap, and reconnects with backoff. The page reads without it. */
(function () {
  "use strict";
  var room = document.getElementById("room");
  if (!room || !("WebSocket" in window)) { return; }
  var strings = document.getElementById("room-strings").dataset;
  var $ = function (id) { return document.getElementById(id); };
  var state = { seq: -1, role: room.dataset.role, me: null, status: $("room-status").dataset.status,
    floor: null, queue: [], polls: [], messages: [], myVotes: {}, sort: "time", offset: 0 };
  var socket = null, awaitingSnapshot = false, attempts = 0, retryTimer = null, announceTimer = null, pendingAnnounce = [];
  var early = {}, gapTimer = null, GAP_WAIT_MS = 1000;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "className") { node.className = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function button(label, frame, extra, secondary) {
    var node = el("button", { type: "button", className: "button button--small" + (secondary ? " button--secondary" : "") }, label);
    node.dataset.frame = frame;
    Object.keys(extra || {}).forEach(function (key) { node.dataset[key] = extra[key]; });
    return node;
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); return true; }
    showError(strings.connecting);
    return false;
  }

  function showError(text) {
    var box = $("room-error");
    box.textContent = text;
    box.hidden = false;
    window.clearTimeout(showError.timer);
    showError.timer = window.setTimeout(function () { box.hidden = true; box.textContent = ""; }, 8000);
  }

  /* Screen readers hear new messages in batches, never one announcement per message. */
  function announce(text) {
    pendingAnnounce.push(text);
    if (announceTimer) { return; }
    announceTimer = window.setTimeout(function () {
      var items = pendingAnnounce;
      pendingAnnounce = [];
      announceTimer = null;
      $("room-live").textContent = items.length > 2 ? items.length + " " + strings.newMessages : items.join(". ");
    }, 3000);
  }

  function setConnection(kind, text) {
    var node = $("connection");
    node.dataset.state = kind;
    node.textContent = text;
  }

  function participating() {
    return (state.role === "participant" || state.role === "moderator") && state.status === "live" && !(state.me && state.me.muted);
  }

  function renderControls() {
    document.querySelectorAll("[data-when]").forEach(function (node) {
      var when = node.dataset.when;
      node.hidden = !((when === "moderator" && state.role === "moderator") ||
        (when === "participant" && participating()) || (when === "live" && state.seq >= 0));
    });
    var raised = state.me && state.queue.some(function (item) { return item.user.id === state.me.id; });
    var speaking = holdsFloor();
    $("hand-raise").hidden = !!raised || speaking;
    $("hand-lower").hidden = !raised;
    renderBanner();
  }

  function holdsFloor() {
    return !!(state.me && state.floor && state.floor.user.id === state.me.id);
  }

  // The banner at the top: the floor is yours (with the time left), your place in the queue, or
  // the session's state. Its text changes only when the state does (the clock is not announced).
  function renderBanner() {
    var banner = $("room-banner"), text = "", kind = "";
    var position = state.me ? state.queue.findIndex(function (item) { return item.user.id === state.me.id; }) : -1;
    if (state.status === "paused") { kind = "paused"; text = strings.bannerPaused; }
    else if (state.status === "scheduled") { kind = "scheduled"; text = strings.bannerScheduled; }
    else if (state.status === "closed") { kind = "closed"; text = strings.bannerClosed; }
    else if (holdsFloor()) { kind = "speaking"; text = strings.bannerSpeaking; }
    else if (position >= 0) { kind = "queued"; text = strings.bannerQueued.replace("%s", position + 1); }
    banner.hidden = !kind;
    banner.className = "room-banner" + (kind ? " room-banner--" + kind : "");
    var line = $("room-banner-text");
    if (line.dataset.text !== text) {
      line.dataset.text = text;
      line.textContent = "";
      if (kind === "speaking") { line.appendChild(el("strong", {}, text)); } else { line.textContent = text; }
    }
    $("room-banner-clock").hidden = kind !== "speaking";
    tick();
  }

  function renderStatus() {
    var badge = $("room-status");
    badge.dataset.status = state.status;
    badge.className = "badge badge--session-" + state.status;
    badge.textContent = strings["status" + state.status.charAt(0).toUpperCase() + state.status.slice(1)] || state.status;
  }

  function renderAnnouncement(text) {
    $("announcement-text").textContent = text || "";
    $("announcement").hidden = !text;
  }

  function renderFloor() {
    var box = $("floor");
    box.textContent = "";
    var p = el("p", { className: "floor__speaker" });
    if (state.floor) {
      p.appendChild(document.createTextNode(strings.speaker + " "));
      p.appendChild(el("strong", {}, state.floor.user.name));
    } else {
      p.textContent = strings.nobody;
    }
    box.appendChild(p);
    $("countdown").hidden = !state.floor;
    renderControls();
  }

  function tick() {
    if (!state.floor) { return; }
    var left = Math.max(0, Math.round((Date.parse(state.floor.ends_at) - (Date.now() + state.offset)) / 1000));
    var minutes = Math.floor(left / 60), seconds = left % 60;
    var clock = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    $("countdown-value").textContent = left > 0 ? clock : strings.over;
    if (holdsFloor()) { $("room-banner-time").textContent = clock; }
  }

  function renderQueue() {
    var list = $("queue");
    list.textContent = "";
    state.queue.forEach(function (item, index) {
      var li = el("li", {}, item.user.name);
      li.dataset.user = item.user.id;
      if (state.role === "moderator") {
        var actions = el("span", { className: "queue__actions" });
        actions.appendChild(button(strings.give, "floor.give", { user: item.user.id }));
        if (index > 0) { actions.appendChild(button(strings.up, "queue.up", { user: item.user.id }, true)); }
        actions.appendChild(button(strings.remove, "queue.remove", { user: item.user.id }, true));
        actions.appendChild(button(strings.mute, "participant.mute", { user: item.user.id }, true));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(actions);
      }
      list.appendChild(li);
    });
    $("queue-empty").hidden = state.queue.length > 0;
    renderControls();
  }

  function renderPolls() {
    var box = $("polls");
    box.textContent = "";
    if (!state.polls.length) { box.appendChild(el("p", { className: "meta" }, strings.noPolls)); }
    state.polls.forEach(function (poll) {
      var div = el("div", { className: "poll" });
      div.dataset.poll = poll.id;
      var heading = el("h3", {}, poll.question + " ");
      if (poll.status === "closed") { heading.appendChild(el("span", { className: "badge" }, strings.closed)); }
      div.appendChild(heading);
      var ul = el("ul", { className: "poll__options" });
      var mine = state.myVotes[poll.id] || poll.my_vote;
      poll.options.forEach(function (option) {
        var li = el("li");
        li.appendChild(el("span", { className: "poll__label" }, option.label));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("progress", { max: String(poll.total || 1), value: String(option.votes), "aria-hidden": "true" }));
        li.appendChild(el("span", { className: "poll__votes" }, " " + option.votes + " " + (option.votes === 1 ? strings.voteOne : strings.votes)));
        if (mine === option.id) { li.appendChild(el("strong", { className: "poll__mine" }, " · " + strings.voted)); }
        if (poll.status === "open" && !mine && participating()) {
          var vote = button(strings.vote, "poll.vote", { poll: poll.id, option: option.id });
          vote.setAttribute("aria-label", strings.vote + ": " + option.label);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(vote);
        }
        ul.appendChild(li);
      });
      div.appendChild(ul);
      if (poll.status === "open" && state.role === "moderator") {
        div.appendChild(button(strings.closePoll, "poll.close", { poll: poll.id }, true));
      }
      box.appendChild(div);
    });
  }

  function renderMessages() {
    var list = $("messages");
    list.textContent = "";
    var items = state.messages.slice();
    if (state.sort === "upvotes") {
      items.sort(function (a, b) { return (b.upvotes - a.upvotes) || (a.id - b.id); });
    }
    items.forEach(function (message) {
      var li = el("li", { className: "room-message room-message--" + message.status });
      li.dataset.message = message.id;
      var meta = el("p", { className: "meta" });
      meta.appendChild(el("strong", {}, message.author.name));
      meta.appendChild(document.createTextNode(" · " + (message.kind === "question" ? strings.question : strings.intervention) +
        " · " + message.upvotes + " " + (message.upvotes === 1 ? strings.upvoteOne : strings.upvotes) + (message.status === "pending" ? " · " + strings.pending : "")));
      li.appendChild(meta);
      var body = el("div", { className: "user-content" });
      body.innerHTML = message.body_html; /* sanitised on the server (Markdown + nh3) */
      li.appendChild(body);
      var actions = el("p", { className: "room-message__actions" });
      var mine = state.me && message.author.id === state.me.id;
      if (message.status === "approved" && participating() && !mine && !message.upvoted_by_me) {
        actions.appendChild(button(strings.upvote, "message.upvote", { message: message.id }, true));
      }
      if (state.role === "moderator") {
        if (message.status === "pending") { actions.appendChild(button(strings.approve, "message.approve", { message: message.id })); }
        actions.appendChild(button(strings.hide, "message.hide", { message: message.id }, true));
      }
      if (actions.childNodes.length) { li.appendChild(actions); }
      list.appendChild(li);
    });
    $("messages-empty").hidden = items.length > 0;
  }

  function renderAll() {
    renderStatus(); renderFloor(); renderQueue(); renderPolls(); renderMessages(); renderControls();
  }

  function upsert(list, item) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].id === item.id) { list[i] = Object.assign({}, list[i], item); return; }
    }
    list.push(item);
  }

  function applySnapshot(frame) {
    early = {};
    if (gapTimer) { window.clearTimeout(gapTimer); gapTimer = null; }
    state.seq = frame.seq;
    state.role = frame.role;
    state.me = frame.me;
    state.status = frame.session.status;
    state.floor = frame.floor;
    state.queue = frame.queue;
    state.polls = frame.polls;
    state.messages = frame.messages;
    state.offset = Date.parse(frame.server_time) - Date.now();
    renderAnnouncement(frame.announcement);
    renderAll();
  }

  function applyEvent(frame) {
    switch (frame.type) {
      case "session.opened": case "session.paused": case "session.closed":
        state.status = frame.status; renderAll(); announce(strings["status" + frame.status.charAt(0).toUpperCase() + frame.status.slice(1)]); break;
      case "announcement.pinned":
        renderAnnouncement(frame.text); break;
      case "message.posted": case "message.approved":
        upsert(state.messages, frame.message); renderMessages();
        announce(strings.newMessage + " " + frame.message.author.name); break;
      case "message.submitted":
        if (frame.message) { upsert(state.messages, frame.message); renderMessages(); } break;
      case "message.upvoted":
        state.messages.forEach(function (m) { if (m.id === frame.message_id) { m.upvotes = frame.upvotes; } });
        renderMessages(); break;
      case "message.hidden":
        state.messages = state.messages.filter(function (m) { return m.id !== frame.message_id; }); renderMessages(); break;
      case "floor.given": case "floor.extended":
        state.floor = frame.floor;
        if (frame.queue) { state.queue = frame.queue; renderQueue(); }
        renderFloor(); renderControls(); break;
      case "floor.ended":
        state.floor = null; renderFloor(); break;
      case "participant.muted":
        if (state.me && frame.user.id === state.me.id) { state.me.muted = true; showError(strings.muted); renderAll(); }
        state.queue = frame.queue; renderQueue(); renderControls(); break;
      case "hand.raised": case "hand.lowered": case "queue.reordered": case "queue.removed":
        state.queue = frame.queue; renderQueue(); renderControls(); break;
      case "poll.opened":
        announce(strings.pollOpened + " " + frame.poll.question);
        upsert(state.polls, frame.poll); renderPolls(); break;
      case "poll.voted": case "poll.closed":
        upsert(state.polls, frame.poll); renderPolls(); break;
    }
  }

  function onFrame(event) {
    var frame;
    try { frame = JSON.parse(event.data); } catch (error) { return; }
    if (frame.type === "snapshot") { awaitingSnapshot = false; applySnapshot(frame); return; }
    if (frame.type === "error") { showError(frame.detail); if (frame.code !== "already_voted") { state.myVotes = {}; renderPolls(); } return; }
    if (typeof frame.seq !== "number" || frame.seq <= state.seq || awaitingSnapshot) { return; }
    if (frame.seq !== state.seq + 1) {
      // Two actions committed at once may be published in the other order: hold the early
      // one briefly; only a gap that stays open means a lost event, and then a snapshot.
      early[frame.seq] = frame;
      if (!gapTimer) {
        gapTimer = window.setTimeout(function () {
          gapTimer = null; early = {}; awaitingSnapshot = true; send({ type: "snapshot.request" });
        }, GAP_WAIT_MS);
      }
      return;
    }
    state.seq = frame.seq;
    applyEvent(frame);
    while (early[state.seq + 1]) {
      var next = early[state.seq + 1];
      delete early[state.seq + 1];
      state.seq = next.seq;
      applyEvent(next);
    }
    if (gapTimer && Object.keys(early).length === 0) { window.clearTimeout(gapTimer); gapTimer = null; }
  }

  function connect() {
    setConnection("connecting", strings.connecting);
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + room.dataset.wsPath);
    socket.addEventListener("open", function () { attempts = 0; setConnection("online", strings.online); });
    socket.addEventListener("message", onFrame);
    socket.addEventListener("close", function () {
      socket = null;
      awaitingSnapshot = false;
      var delay = Math.min(30, Math.pow(2, attempts)) + Math.random();
      attempts += 1;
      setConnection("offline", strings.offline.replace("%s", Math.round(delay)));
      retryTimer = window.setTimeout(connect, delay * 1000);
    });
  }

  room.addEventListener("click", function (event) {
    var target = event.target.closest("[data-frame]");
    if (!target) {
      var sort = event.target.closest("[data-sort]");
      if (sort) {
        state.sort = sort.dataset.sort;
        room.querySelectorAll("[data-sort]").forEach(function (node) { node.setAttribute("aria-pressed", String(node === sort)); });
        renderMessages();
      }
      return;
    }
    var data = target.dataset, frame = { type: data.frame };
    if (data.confirm && !window.confirm(data.confirm)) { return; }
    if (data.confirmEarly && state.status === "scheduled" && Date.now() + state.offset < Date.parse(data.startsAt) &&
        !window.confirm(data.confirmEarly)) { return; }
    if (data.user) { frame.user = Number(data.user); }
    if (data.message) { frame.message = Number(data.message); }
    if (data.poll) { frame.poll = Number(data.poll); }
    if (data.option) { frame.option = Number(data.option); }
    if (data.seconds) { frame.seconds = Number(data.seconds); }
    if (frame.type === "queue.up") {
      var order = state.queue.map(function (item) { return item.user.id; });
      var index = order.indexOf(frame.user);
      order.splice(index, 1);
      order.splice(index - 1, 0, frame.user);
      frame = { type: "queue.reorder", order: order };
    }
    if (frame.type === "poll.vote") { state.myVotes[frame.poll] = frame.option; }
    send(frame);
  });

  $("message-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var body = $("message-body");
    var kind = event.target.querySelector("input[name=kind]:checked");
    if (send({ type: "message.post", body: body.value, kind: kind ? kind.value : "intervention" })) { body.value = ""; }
  });
  $("poll-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var options = $("poll-options").value.split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
    if (send({ type: "poll.open", question: $("poll-question").value, options: options })) {
      $("poll-question").value = ""; $("poll-options").value = "";
    }
  });
  $("announcement-form").addEventListener("submit", function (event) {
    event.preventDefault();
    send({ type: "announcement.pin", text: $("announcement-input").value });
  });

  window.setInterval(tick, 1000);
  window.addEventListener("beforeunload", function () { window.clearTimeout(retryTimer); if (socket) { socket.close(); } });
  connect();
})();
