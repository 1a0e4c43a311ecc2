extension PlaygroundPage {
    // One page, no build step: HTML, CSS and plain JavaScript. Every text from
    // the API is written with textContent, never parsed as HTML.
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Coaching playground</title>
<link rel="icon" href="data:,">
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d2733; background: #f4f6f8; }
  header { background: #1d3b5a; color: #fff; padding: 10px 18px; display: flex; gap: 18px; align-items: center; }
  header h1 { font-size: 17px; margin: 0; }
  main { display: grid; grid-template-columns: 330px 1fr 300px; gap: 14px; padding: 14px; }
  section { background: #fff; border-radius: 6px; padding: 12px; box-shadow: 0 1px 2px #0002; }
  h2 { font-size: 14px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .04em; color: #4b5b6b; }
  label { display: block; font-size: 12px; color: #4b5b6b; margin-top: 8px; }
  input, select, textarea, button { font: inherit; box-sizing: border-box; }
  input, select, textarea { width: 100%; padding: 5px 7px; border: 1px solid #c5ced8; border-radius: 4px; }
  textarea { font: 12px/1.4 ui-monospace, monospace; }
  button { margin-top: 8px; padding: 6px 12px; border: 0; border-radius: 4px; background: #2b6cb0; color: #fff; cursor: pointer; }
  button:disabled { background: #9aa8b6; cursor: default; }
  #messages { height: 420px; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; padding: 4px; }
  .message { max-width: 80%; padding: 7px 10px; border-radius: 8px; white-space: pre-wrap; }
  .message.user { align-self: flex-end; background: #dcebfb; }
  .message.assistant { align-self: flex-start; background: #eef1f4; }
  .message small { display: block; color: #6b7b8b; font-size: 11px; margin-top: 3px; }
  #composer { display: flex; gap: 8px; align-items: flex-end; }
  #composer textarea { font: inherit; height: 58px; }
  .chip { display: inline-block; margin: 4px 4px 0 0; padding: 3px 9px; border: 1px solid #2b6cb0; border-radius: 12px; background: #fff; color: #2b6cb0; font-size: 12px; }
  progress { width: 100%; }
  #error { color: #b42318; min-height: 1.2em; font-size: 13px; }
  table { width: 100%; border-collapse: collapse; font-size: 12px; }
  td, th { text-align: left; padding: 4px; border-bottom: 1px solid #e3e8ee; vertical-align: top; }
  .muted { color: #6b7b8b; font-size: 12px; }
</style>
</head>
<body>
<header><h1>Coaching playground</h1><span id="signed-in-as" class="muted" style="color:#cfe0f0">not signed in</span></header>
<main>
  <div>
    <section>
      <h2>Sign in</h2>
      <label for="token">Development token (<code>make -s token USER=dana TENANT=acme</code>)</label>
      <textarea id="token" rows="3" spellcheck="false"></textarea>
      <label for="tenant">X-Tenant-Id (your token's tenant)</label>
      <input id="tenant" spellcheck="false">
      <button id="sign-in">Sign in</button>
    </section>
    <section style="margin-top:14px">
      <h2>New conversation</h2>
      <label for="topic">Topic</label>
      <select id="topic">
        <option value="core_values">Core values</option>
        <option value="purpose">Purpose</option>
        <option value="vision">Vision</option>
        <option value="goals">Goals</option>
      </select>
      <label for="context">Business context (JSON, optional)</label>
      <textarea id="context" rows="10" spellcheck="false"></textarea>
      <button id="start" disabled>Start</button>
    </section>
  </div>
  <section>
    <h2>Conversation <span id="conversation-title" class="muted"></span></h2>
    <div id="messages"></div>
    <div id="suggestions"></div>
    <div id="composer">
      <textarea id="message-input" placeholder="Your answer" disabled></textarea>
      <button id="send" disabled>Send</button>
    </div>
    <div id="error" role="alert"></div>
  </section>
  <div>
    <section>
      <h2>Progress</h2>
      <div>Phase: <strong id="phase">–</strong> · status <strong id="status">–</strong></div>
      <progress id="progress" max="1" value="0"></progress>
      <h2 style="margin-top:10px">Outcome</h2>
      <div id="outcome" class="muted">No outcome yet.</div>
      <button id="confirm" disabled>Confirm and complete</button>
    </section>
    <section style="margin-top:14px">
      <h2>Your conversations</h2>
      <button id="list" disabled>Refresh list</button>
      <table><tbody id="conversations"></tbody></table>
    </section>
  </div>
</main>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
const state = { token: "", tenant: "", conversation: null, session: null, status: null };

$("context").value = JSON.stringify({ user: { id: "dana", name: "Dana", email: "dana@example.com" },
  tenant: { id: "acme", company: "Acme Outdoor Gear", industry: "Retail" } }, null, 2);

function showError(error) { $("error").textContent = error ? String(error.message || error) : ""; }

async function api(method, path, body, extraHeaders) {
  const headers = { "Authorization": "Bearer " + state.token };
  if (state.tenant) headers["X-Tenant-Id"] = state.tenant;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  Object.assign(headers, extraHeaders || {});
  const response = await fetch("/api/v1" + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let envelope = null;
  try { envelope = await response.json(); } catch (_) { envelope = null; }
  if (!response.ok || !envelope || envelope.success !== true) {
    const text = envelope && envelope.error ? envelope.error : "HTTP " + response.status;
    throw new Error(text + (envelope && envelope.error_code ? " (" + envelope.error_code + ")" : ""));
  }
  return envelope.data;
}

function claims(token) {
  const part = token.split(".")[1] || "";
  try { return JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/"))); } catch (_) { return {}; }
}

function setEnabled(ids, enabled) { for (const id of ids) $(id).disabled = !enabled; }

function setProgress(phase, progress, status) {
  $("phase").textContent = phase || "–";
  $("progress").value = typeof progress === "number" ? progress : 0;
  if (status) { state.status = status; $("status").textContent = status; }
  const active = state.status === "active";
  setEnabled(["message-input", "send"], active);
  $("confirm").disabled = !(state.conversation && (state.status === "active" || state.status === "paused"));
}

function addMessage(role, text, note) {
  const item = document.createElement("div");
  item.className = "message " + role;
  item.textContent = text;
  if (note) { const small = document.createElement("small"); small.textContent = note; item.appendChild(small); }
  $("messages").appendChild(item);
  $("messages").scrollTop = $("messages").scrollHeight;
}

function showSuggestions(suggestions) {
  const box = $("suggestions");
  box.textContent = "";
  for (const text of suggestions || []) {
    const chip = document.createElement("button");
    chip.className = "chip";
    chip.textContent = text;
    chip.addEventListener("click", () => { $("message-input").value = text; $("message-input").focus(); });
    box.appendChild(chip);
  }
}

function showOutcome(value, outcomes) {
  const box = $("outcome");
  if (value !== null && value !== undefined) { box.textContent = JSON.stringify(value, null, 2); return; }
  if (outcomes && outcomes.length) { box.textContent = outcomes.join("\n\n"); return; }
  box.textContent = "No outcome yet.";
}

async function refreshOutcome() {
  if (!state.session) return;
  try { const session = await api("GET", "/sessions/" + encodeURIComponent(state.session)); showOutcome(null, session.outcomes); }
  catch (error) { showError(error); }
}

async function signIn() {
  showError(null);
  state.token = $("token").value.trim();
  const who = claims(state.token);
  if (!$("tenant").value.trim() && who.tenant_id) $("tenant").value = who.tenant_id;
  state.tenant = $("tenant").value.trim();
  try {
    await api("GET", "/conversations?limit=1");
    $("signed-in-as").textContent = "signed in as " + (who.user_id || who.sub || "?") + " in " + state.tenant;
    setEnabled(["start", "list"], true);
    await listConversations();
  } catch (error) {
    $("signed-in-as").textContent = "not signed in";
    setEnabled(["start", "list"], false);
    showError(error);
  }
}

async function start() {
  showError(null);
  const body = { topic: $("topic").value };
  const text = $("context").value.trim();
  if (text) {
    try { body.business_context = JSON.parse(text); }
    catch (error) { showError("The business context is not valid JSON: " + error.message); return; }
  }
  try {
    const started = await api("POST", "/conversations/initiate", body, { "Idempotency-Key": crypto.randomUUID() });
    state.conversation = started.conversation_id;
    state.session = started.session_id;
    $("messages").textContent = "";
    $("conversation-title").textContent = $("topic").selectedOptions[0].textContent;
    addMessage("assistant", started.message, started.phase);
    showSuggestions([]);
    showOutcome(null, []);
    setProgress(started.phase, started.progress, started.status);
    await listConversations();
  } catch (error) { showError(error); }
}

async function send() {
  showError(null);
  const text = $("message-input").value.trim();
  if (!text || !state.conversation) return;
  setEnabled(["send"], false);
  addMessage("user", text);
  $("message-input").value = "";
  try {
    const reply = await api("POST", "/conversations/" + encodeURIComponent(state.conversation) + "/message",
                            { user_message: text }, { "Idempotency-Key": crypto.randomUUID() });
    addMessage("assistant", reply.message, reply.phase + (reply.fallback ? " · fallback coach" : ""));
    showSuggestions(reply.follow_up_suggestions);
    setProgress(reply.phase, reply.progress, reply.is_complete ? "completed" : "active");
    showOutcome(reply.value, []);
    if (reply.is_complete) await refreshOutcome();
  } catch (error) { showError(error); setEnabled(["send"], state.status === "active"); }
}

async function confirmOutcome() {
  showError(null);
  try {
    const done = await api("POST", "/conversations/" + encodeURIComponent(state.conversation) + "/complete", {});
    setProgress(done.phase, done.progress, done.status);
    showSuggestions([]);
    await refreshOutcome();
    await listConversations();
  } catch (error) { showError(error); }
}

async function open(id) {
  showError(null);
  try {
    const detail = await api("GET", "/conversations/" + encodeURIComponent(id) + "?order=desc&limit=100");
    state.conversation = detail.conversation_id;
    state.session = detail.session_id || null;
    $("messages").textContent = "";
    $("conversation-title").textContent = detail.title;
    const messages = detail.messages.slice().reverse();
    for (const message of messages) addMessage(message.role, message.content, message.phase || "");
    const last = detail.messages.find((message) => message.role === "assistant");
    showSuggestions(detail.status === "active" && last ? last.suggestions : []);
    setProgress(detail.phase, detail.progress, detail.status);
    await refreshOutcome();
  } catch (error) { showError(error); }
}

async function listConversations() {
  try {
    const page = await api("GET", "/conversations?limit=20");
    const rows = $("conversations");
    rows.textContent = "";
    for (const item of page.items) {
      const row = document.createElement("tr");
      row.dataset.conversationId = item.conversation_id;
      const what = document.createElement("td");
      const title = document.createElement("strong");
      title.textContent = item.title;
      const preview = document.createElement("div");
      preview.className = "muted";
      preview.textContent = item.last_message_preview || "";
      what.append(title, " · " + item.status + " · " + item.phase, preview);
      const action = document.createElement("td");
      const button = document.createElement("button");
      button.textContent = "Open";
      button.addEventListener("click", () => open(item.conversation_id));
      action.appendChild(button);
      row.append(what, action);
      rows.appendChild(row);
    }
  } catch (error) { showError(error); }
}

$("sign-in").addEventListener("click", signIn);
$("start").addEventListener("click", start);
$("send").addEventListener("click", send);
$("confirm").addEventListener("click", confirmOutcome);
$("list").addEventListener("click", listConversations);
$("message-input").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); send(); }
});
</script>
</body>
</html>
"""#
}
