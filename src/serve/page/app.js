// vanban serve: the page's script. Plain JavaScript, no library, no network beyond this server.
"use strict";

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

const state = { start: null, draft: null, revision: 0, timer: null, batchTimer: null };

// ---------- talking to the server ----------

async function call(method, url, body) {
  const options = { method, headers: {} };
  if (body instanceof FormData) {
    options.body = body;
  } else if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok) {
    const text = type.includes("json") ? (await response.json()).error : await response.text();
    throw new Error(text || response.statusText);
  }
  return type.includes("json") ? response.json() : response.blob();
}

function save_blob(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// ---------- screens ----------

function show_screen(name) {
  for (const tab of $$("nav [role=tab]")) tab.setAttribute("aria-selected", String(tab.dataset.screen === name));
  for (const screen of $$(".screen")) screen.hidden = screen.id !== name;
}

// ---------- the job object ----------

function get_path(object, path) {
  return path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), object);
}

function set_path(object, path, value) {
  const keys = path.split(".");
  let o = object;
  for (const key of keys.slice(0, -1)) {
    if (typeof o[key] !== "object" || o[key] === null) o[key] = {};
    o = o[key];
  }
  o[keys[keys.length - 1]] = value;
}

// ---------- list editors ----------

function list_editor(box, items, on_change) {
  const prefixes = box.dataset.prefixes ? state.start.prefixes : null;
  box.replaceChildren();
  const read = () => $$(".item", box).map((row) => {
    const text = $("input", row).value;
    const prefix = prefixes ? $("select", row).value : "";
    return (prefix ? prefix + " " : "") + text;
  });
  const add_row = (value, focus) => {
    let prefix = "";
    let text = value;
    if (prefixes) {
      const first = value.split(" ")[0];
      if (prefixes.includes(first)) { prefix = first; text = value.slice(first.length).trim(); }
    }
    const row = el("div", { class: "item" });
    if (prefixes) {
      const select = el("select", { "aria-label": "Quyền hạn ký" }, el("option", { value: "" }, "—"));
      for (const p of prefixes) select.append(el("option", { value: p }, p));
      select.value = prefix;
      select.addEventListener("change", () => on_change(read()));
      row.append(select);
    }
    const input = el("input", { value: text, "aria-label": box.dataset.list });
    input.value = text;
    input.addEventListener("input", () => on_change(read()));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") { event.preventDefault(); add_row("", true); on_change(read()); }
    });
    const remove = el("button", { type: "button", title: "Xóa dòng này", "aria-label": "Xóa dòng" }, "×");
    remove.addEventListener("click", () => { row.remove(); on_change(read()); });
    row.append(input, remove);
    box.insertBefore(row, $(".add", box));
    if (focus) input.focus();
  };
  box.append(el("button", { type: "button", class: "add", onclick: () => { add_row("", true); on_change(read()); } }, "+ Thêm dòng"));
  for (const item of items || []) add_row(String(item), false);
}

// ---------- the form ----------

function fill_form() {
  const draft = state.draft;
  const job = draft.job;
  $("#form-empty").hidden = true;
  $("#name").value = draft.name;
  for (const input of $$("[data-key]")) {
    const value = get_path(job, input.dataset.key);
    if (input.type === "checkbox") input.checked = value === true;
    else input.value = value == null ? "" : String(value);
  }
  for (const area of $$("[data-lines]")) {
    const value = get_path(job, area.dataset.lines);
    area.value = Array.isArray(value) ? value.join("\n") : (value || "");
  }
  for (const box of $$("[data-list]")) {
    list_editor(box, get_path(job, box.dataset.list), (items) => { set_path(job, box.dataset.list, items); changed(); });
  }
  $("#body").value = draft.body;
  fill_annexes();
  fill_vars();
  kind_changed();
}

function fill_annexes() {
  const box = $("#annexes");
  box.replaceChildren();
  const annexes = state.draft.job.annex || [];
  annexes.forEach((annex, i) => {
    const title = el("input", { "aria-label": "Tên phụ lục" });
    title.value = annex.title || "";
    title.addEventListener("input", () => { annex.title = title.value; changed(); });
    const row = el("div", { class: "annex" }, el("span", { class: "label" }, `Phụ lục ${i + 1}`), title);
    if (annex.content) {
      row.append(el("span", { class: "hint" }, `Bảng trong tệp ${annex.content}`));
    } else {
      const table = el("select", { "aria-label": "Bảng" });
      for (const name of state.start.tables) table.append(el("option", { value: name }, name));
      table.value = annex.table || state.start.tables[0];
      annex.table = table.value;
      table.addEventListener("change", () => { annex.table = table.value; changed(); });
      row.append(table);
    }
    row.append(el("button", { type: "button", onclick: () => { annexes.splice(i, 1); fill_annexes(); changed(); } }, "Xóa phụ lục"));
    box.append(row);
  });
}

function fill_vars() {
  const box = $("#vars");
  box.replaceChildren();
  const vars = state.draft.job.vars || {};
  for (const [key, value] of Object.entries(vars)) {
    const name = el("input", { "aria-label": "Tên biến" });
    name.value = key;
    const text = el("input", { "aria-label": "Giá trị" });
    text.value = String(value);
    const update = () => {
      const fresh = {};
      for (const pair of $$(".pair", box)) {
        const [k, v] = $$("input", pair);
        if (k.value.trim()) fresh[k.value.trim()] = v.value;
      }
      state.draft.job.vars = fresh;
      changed();
    };
    name.addEventListener("input", update);
    text.addEventListener("input", update);
    const remove = el("button", { type: "button", "aria-label": "Xóa biến" }, "×");
    remove.addEventListener("click", () => { delete state.draft.job.vars[key]; fill_vars(); changed(); });
    box.append(el("div", { class: "pair" }, name, text, remove));
  }
}

function kind_changed() {
  const kind = state.start.kinds.find((k) => k.slug === state.draft.job.kind);
  if (!kind) return;
  $("#subject-label").hidden = !kind.subject;
  $("#to-box").hidden = !kind.addressees;
  $("#bases-box").hidden = !kind.enacting;
}

function read_field(input) {
  const job = state.draft.job;
  if (input.dataset.lines) {
    set_path(job, input.dataset.lines, input.value.split("\n").map((l) => l.trim()).filter((l) => l));
    return;
  }
  let value = input.value;
  if (input.type === "number") value = value === "" ? null : Number(value);
  if (input.type === "checkbox") value = input.checked ? true : null;
  set_path(job, input.dataset.key, value);
  if (input.dataset.key === "kind") kind_changed();
}

function changed() {
  if (!state.draft) return;
  state.draft.body = $("#body").value;
  state.draft.name = $("#name").value;
  clearTimeout(state.timer);
  state.timer = setTimeout(preview, 300);
}

// ---------- preview and findings ----------

function set_status(text, kind) {
  const status = $("#status");
  status.textContent = text;
  status.className = "status " + (kind || "");
}

async function preview() {
  if (!state.draft) return;
  const revision = ++state.revision;
  set_status("Đang dàn trang…", "busy");
  let laid;
  try {
    laid = await call("POST", "/api/preview", state.draft);
  } catch (error) {
    if (revision !== state.revision) return;
    set_status(error.message, "error");
    $("#findings-summary").textContent = "Chưa kiểm tra được: văn bản còn lỗi ở trên.";
    $("#findings").replaceChildren();
    return;
  }
  if (revision !== state.revision) return;
  const pages = $("#pages");
  while (pages.children.length > laid.pages.length) pages.lastChild.remove();
  laid.pages.forEach(([width, height], i) => {
    let image = pages.children[i];
    if (!image) { image = el("img", { alt: `Trang ${i + 1}` }); pages.append(image); }
    image.width = Math.round(width * 1.25);
    image.height = Math.round(height * 1.25);
    image.dataset.preview = String(laid.id);
    image.src = `/api/page/${laid.id}/${i}`;
  });
  pages.dataset.preview = String(laid.id);
  set_status(`${laid.pages.length} trang` + (laid.warnings.length ? " · " + laid.warnings.join("; ") : ""), "");
  try {
    const checked = await call("POST", "/api/findings", state.draft);
    if (revision !== state.revision) return;
    show_findings(checked, $("#findings"), $("#findings-summary"));
  } catch (error) {
    if (revision === state.revision) $("#findings-summary").textContent = error.message;
  }
}

function finding_item(f) {
  const where = f.page ? ` (trang ${f.page})` : "";
  return el("li", { class: f.severity, "data-rule": f.rule },
    el("span", { class: "rule" }, f.rule), `${f.topic}${where}: “${f.found}”`,
    el("br"), el("span", { class: "fix" }, `Sửa: ${f.fix}`), ` (${f.source})`);
}

function show_findings(checked, list, summary) {
  summary.textContent = checked.summary;
  list.replaceChildren();
  for (const report of checked.reports) {
    if (report.reason) list.append(el("li", { class: "note" }, `${report.file}: không đánh giá (not judged): ${report.reason}`));
    (report.signatures || []).forEach((s, i) => list.append(el("li", { class: "note" }, `${report.file}: chữ ký số ${i + 1}: ${s}`)));
    for (const note of report.notes) list.append(el("li", { class: "note" }, `${report.file}: ${note}`));
    for (const f of report.findings) list.append(finding_item(f));
  }
  if (!list.children.length) list.append(el("li", { class: "note" }, "Không có lỗi thể thức."));
}

// ---------- opening, saving, downloading ----------

async function open_draft(promise) {
  try {
    const draft = await promise;
    state.draft = draft.draft ? draft.draft : draft;
    fill_form();
    $("#import-box").hidden = !draft.report;
    if (draft.report) show_import_report(draft);
    await refresh_start();
    preview();
  } catch (error) {
    set_status(error.message, "error");
  }
}

function show_import_report(imported) {
  const list = $("#import-report");
  list.replaceChildren();
  $("#import-summary").textContent = `${imported.draft.name}.toml, ${imported.report.length} đoạn`;
  if (imported.error) list.append(el("li", { class: "error" }, imported.error));
  for (const line of imported.report) list.append(el("li", { class: "note" }, line));
}

async function download(format) {
  if (!state.draft) return;
  changed();
  clearTimeout(state.timer);
  try {
    const blob = await call("POST", `/api/render?format=${format}`, state.draft);
    save_blob(blob, `${state.draft.name}.${format}`);
    set_status(`Đã tải ${state.draft.name}.${format}`, "");
  } catch (error) {
    set_status(error.message, "error");
  }
}

async function save() {
  if (!state.draft) return;
  state.draft.name = $("#name").value;
  try {
    const saved = await call("POST", "/api/save", state.draft);
    set_status("Đã lưu: " + saved.saved.join(", "), "");
    await refresh_start();
  } catch (error) {
    set_status(error.message, "error");
  }
}

async function refresh_start() {
  state.start = await call("GET", "/api/start");
  const start = state.start;
  $("#workspace").textContent = "Thư mục làm việc: " + start.workspace;
  const fill = (select, values, label, keep) => {
    const current = select.value;
    select.replaceChildren(...(keep ? [select.options[0] || el("option", { value: "" }, "—")] : []));
    for (const value of values) select.append(el("option", { value: value.slug || value }, label(value)));
    select.value = current;
  };
  fill($("#open-kind"), start.kinds, (k) => k.name, true);
  fill($("#kind"), start.kinds, (k) => k.name, false);
  fill($("#open-sample"), start.samples, (s) => s, true);
  fill($("#open-job"), start.jobs, (j) => j, true);
  fill($("#data-file"), start.data, (d) => d, true);
  fill($("#batch-job"), start.jobs, (j) => j, false);
  fill($("#batch-data"), start.data, (d) => d, true);
  if (state.draft) {
    $("#kind").value = state.draft.job.kind || "";
    $("#data-file").value = state.draft.job.data || "";
  }
}

// ---------- data screen ----------

async function consolidate() {
  const files = $("#consolidate-files").files;
  if (!files.length) { $("#consolidate-summary").textContent = "Chưa chọn tệp nào."; return; }
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  form.append("period", $("#consolidate-period").value);
  $("#consolidate-summary").textContent = "Đang tổng hợp…";
  try {
    const result = await call("POST", "/api/consolidate", form);
    const body = $("#problems tbody");
    body.replaceChildren();
    for (const p of result.problems) {
      body.append(el("tr", { class: p.severity },
        el("td", {}, p.severity === "error" ? "Lỗi" : "Cảnh báo"), el("td", {}, p.file),
        el("td", {}, p.sheet || ""), el("td", {}, p.cell || ""), el("td", {}, p.message)));
    }
    $("#problems").hidden = !result.problems.length;
    const errors = result.problems.filter((p) => p.severity === "error").length;
    $("#consolidate-summary").textContent = errors
      ? `${errors} lỗi: chưa tổng hợp được, sửa các ô được chỉ ra rồi thả lại.`
      : `Đã tổng hợp ${result.communes} xã, ${result.problems.length} cảnh báo.`;
    const saved = $("#consolidate-saved");
    saved.replaceChildren();
    for (const name of result.saved) {
      saved.append(el("a", { href: `/api/file?name=${encodeURIComponent(name)}`, download: name }, `Tải ${name}`), " ");
    }
    await refresh_start();
  } catch (error) {
    $("#consolidate-summary").textContent = error.message;
  }
}

async function make_forms() {
  try {
    const blob = await call("POST", "/api/forms", { communes: $("#forms-communes").value, period: $("#forms-period").value });
    save_blob(blob, "bieu-mau.zip");
    $("#forms-status").textContent = "Đã tạo bieu-mau.zip";
  } catch (error) {
    $("#forms-status").textContent = error.message;
  }
}

// ---------- batch screen ----------

async function run_batch() {
  const formats = [];
  if ($("#batch-pdf").checked) formats.push("pdf");
  if ($("#batch-docx").checked) formats.push("docx");
  const job = $("#batch-job").value;
  $("#batch-zip").replaceChildren();
  $("#batch-failures").replaceChildren();
  $("#batch-files-box").hidden = true;
  try {
    const started = await call("POST", "/api/batch", { job, data: $("#batch-data").value || null, formats });
    $("#batch-progress").hidden = false;
    $("#batch-status").textContent = "Đang chạy…";
    clearInterval(state.batchTimer);
    state.batchTimer = setInterval(() => watch_batch(started.id, job), 250);
  } catch (error) {
    $("#batch-status").textContent = error.message;
  }
}

async function watch_batch(id, job) {
  let run;
  try { run = await call("GET", `/api/batch/${id}`); } catch (error) {
    clearInterval(state.batchTimer);
    $("#batch-status").textContent = error.message;
    return;
  }
  const bar = $("#batch-progress");
  bar.max = Math.max(run.total, 1);
  bar.value = run.done;
  $("#batch-status").textContent = `${run.done} / ${run.total} xã`;
  if (!run.finished) return;
  clearInterval(state.batchTimer);
  if (run.error) { $("#batch-status").textContent = run.error; return; }
  const m = run.manifest;
  const communes = new Set(m.outputs.map((o) => o.commune)).size;
  $("#batch-status").textContent = `Xong: ${m.outputs.length} tệp cho ${communes} xã, ${m.failures.length} xã lỗi.`;
  $("#batch-zip").append(el("a", { href: `/api/batch/${id}/zip`, download: `${job}.zip`, id: "batch-zip-link" }, `Tải ${job}.zip (kèm manifest)`));
  for (const f of m.failures) $("#batch-failures").append(el("li", { class: "error" }, `${f.commune || ""}: ${f.error}`));
  const files = $("#batch-files");
  files.replaceChildren(...m.outputs.map((o) => el("li", {}, `${o.path} (${o.commune})`)));
  $("#batch-files-box").hidden = false;
}

// ---------- check screen ----------

async function check_files() {
  const files = $("#check-files").files;
  if (!files.length) return;
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  $("#check-summary").textContent = "Đang kiểm tra…";
  try {
    const checked = await call("POST", "/api/check", form);
    $("#check-summary").textContent = checked.summary;
    const box = $("#check-reports");
    box.replaceChildren();
    for (const report of checked.reports) {
      const list = el("ul", { class: "findings" });
      show_findings({ summary: "", reports: [report] }, list, el("p"));
      box.append(el("div", { class: "report" }, el("h3", {}, report.file), list));
    }
  } catch (error) {
    $("#check-summary").textContent = error.message;
  }
}

// ---------- drag and drop onto every file input's box ----------

function drop_zone(input, after) {
  const zone = input.closest(".drop");
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    input.files = event.dataTransfer.files;
    after();
  });
  input.addEventListener("change", after);
}

// ---------- wiring ----------

function wire() {
  for (const tab of $$("nav [role=tab]")) tab.addEventListener("click", () => show_screen(tab.dataset.screen));
  $("#open-kind").addEventListener("change", (e) => e.target.value && open_draft(call("GET", `/api/blank?kind=${e.target.value}`)));
  $("#open-sample").addEventListener("change", (e) => e.target.value && open_draft(call("POST", `/api/sample?name=${e.target.value}`)));
  $("#open-job").addEventListener("change", (e) => e.target.value && open_draft(call("GET", `/api/job?name=${e.target.value}`)));
  drop_zone($("#import-file"), () => {
    const file = $("#import-file").files[0];
    if (!file) return;
    const form = new FormData();
    form.append("draft", file, file.name);
    open_draft(call("POST", "/api/import", form));
  });
  $("#form").addEventListener("input", (event) => {
    const input = event.target;
    if (input.dataset.key || input.dataset.lines) { read_field(input); changed(); }
  });
  $("#form").addEventListener("change", (event) => {
    const input = event.target;
    if (input.dataset.key) { read_field(input); changed(); }
  });
  $("#body").addEventListener("input", changed);
  $("#name").addEventListener("input", changed);
  for (const button of $$(".markup-buttons button")) button.addEventListener("click", () => markup(button));
  $("#add-annex").addEventListener("click", () => {
    if (!state.draft) return;
    (state.draft.job.annex = state.draft.job.annex || []).push({ title: "", table: state.start.tables[0] });
    fill_annexes();
    changed();
  });
  $("#add-var").addEventListener("click", () => {
    if (!state.draft) return;
    const vars = (state.draft.job.vars = state.draft.job.vars || {});
    vars[`bien_${Object.keys(vars).length + 1}`] = "";
    fill_vars();
  });
  $("#save").addEventListener("click", save);
  $("#download-pdf").addEventListener("click", () => download("pdf"));
  $("#download-docx").addEventListener("click", () => download("docx"));
  $("#consolidate").addEventListener("click", consolidate);
  drop_zone($("#consolidate-files"), () => {});
  $("#forms").addEventListener("click", make_forms);
  $("#batch-run").addEventListener("click", run_batch);
  drop_zone($("#check-files"), check_files);
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "s") { event.preventDefault(); save(); }
  });
}

function markup(button) {
  const area = $("#body");
  const [start, end] = [area.selectionStart, area.selectionEnd];
  const text = area.value;
  if (button.dataset.wrap) {
    const mark = button.dataset.wrap;
    area.value = text.slice(0, start) + mark + text.slice(start, end) + mark + text.slice(end);
    area.setSelectionRange(start + mark.length, end + mark.length);
  } else {
    const line_start = text.lastIndexOf("\n", start - 1) + 1;
    area.value = text.slice(0, line_start) + button.dataset.line + text.slice(line_start);
    area.setSelectionRange(start + button.dataset.line.length, end + button.dataset.line.length);
  }
  area.focus();
  changed();
}

wire();
refresh_start().catch((error) => set_status(error.message, "error"));
