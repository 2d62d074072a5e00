/* /cari/ — Pagefind Default UI in Indonesian (issue 4).
 *
 * - Reads ?q= (and ?jenis=, ?kim=, ?kapanewon=, ?kategori=, ?urut=terbaru) so links can be
 *   shared; updates the address bar as the reader types (history.replaceState: no reload,
 *   no flood of history entries).
 * - "Urutkan: Terbaru" re-creates the UI with sort {date: "desc"} (the Default UI takes
 *   its sort at construction), keeping the query and the chosen filters.
 * - Shows Indonesian suggestions when a query finds nothing.
 * The UI itself is /pagefind/pagefind-ui.js, written by the build next to the index.
 */
(function () {
  "use strict";

  var root = document.getElementById("cari");
  if (!root) return;
  var failBox = document.getElementById("cari-gagal");
  var emptyBox = document.getElementById("cari-kosong");
  var emptyWord = document.getElementById("cari-kosong-kata");
  var sortWrap = document.getElementById("cari-urut-wrap");
  var sortSelect = document.getElementById("cari-urut");

  if (typeof window.PagefindUI !== "function") {
    if (failBox) failBox.hidden = false;
    return;
  }

  var FILTER_KEYS = ["jenis", "kim", "kapanewon", "kategori"];
  var FILTER_LABELS = { jenis: "Jenis", kim: "KIM", kapanewon: "Kapanewon", kategori: "Kategori" };
  var TRANSLATIONS = {
    placeholder: "Cari berita, produk, program, video, KIM…",
    clear_search: "Hapus",
    load_more: "Tampilkan hasil lainnya",
    search_label: "Cari di Kabar KIM",
    filters_label: "Saring hasil",
    zero_results: "Tidak ada hasil untuk [SEARCH_TERM]",
    many_results: "[COUNT] hasil untuk [SEARCH_TERM]",
    one_result: "[COUNT] hasil untuk [SEARCH_TERM]",
    total_zero_results: "Tidak ada hasil",
    total_one_result: "[COUNT] hasil",
    total_many_results: "[COUNT] hasil",
    alt_search: "Tidak ada hasil untuk [SEARCH_TERM]. Menampilkan hasil untuk [DIFFERENT_TERM]",
    search_suggestion: "Tidak ada hasil untuk [SEARCH_TERM]. Coba salah satu pencarian berikut:",
    searching: "Mencari [SEARCH_TERM]…",
    results_label: "Hasil pencarian",
    error_search: "Pencarian gagal",
    loading: "Memuat"
  };

  var params = new URLSearchParams(window.location.search);
  var state = {
    q: (params.get("q") || "").trim(),
    sort: params.get("urut") === "terbaru" ? "terbaru" : "",
    filters: {}
  };
  FILTER_KEYS.forEach(function (key) {
    var values = params.getAll(key).filter(Boolean);
    if (values.length) state.filters[key] = values;
  });

  var ui = null;
  var input = null;

  // Result tags read "Jenis: Produk", "Dari: KIM Malangan", "Tanggal: Selasa, 17 Mei 2022".
  function processResult(result) {
    var m = result.meta || {};
    var meta = { title: m.title, url: m.url };
    if (m.image) {
      meta.image = m.image;
      meta.image_alt = m.image_alt || "";
    }
    if (m.jenis) meta.jenis = m.jenis;
    if (m.kim && m.jenis !== "KIM") meta.dari = m.kim;
    if (m.tanggal) meta.tanggal = m.tanggal;
    Object.keys(meta).forEach(function (k) { if (meta[k] === undefined) delete meta[k]; });
    result.meta = meta;
    return result;
  }

  function writeUrl() {
    var p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    FILTER_KEYS.forEach(function (key) {
      (state.filters[key] || []).forEach(function (v) { p.append(key, v); });
    });
    if (state.sort) p.set("urut", state.sort);
    var qs = p.toString().replace(/%20/g, "+");
    var url = window.location.pathname + (qs ? "?" + qs : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", url);
    }
  }

  function readFiltersFromUi() {
    var chosen = {};
    root.querySelectorAll("input.pagefind-ui__filter-checkbox:checked").forEach(function (box) {
      (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    state.filters = chosen;
  }

  function relabel() {
    root.querySelectorAll(".pagefind-ui__filter-name").forEach(function (el) {
      var key = el.textContent.trim().toLowerCase();
      if (FILTER_LABELS[key] && el.textContent !== FILTER_LABELS[key]) {
        el.textContent = FILTER_LABELS[key];
      }
    });
    root.querySelectorAll(".pagefind-ui__filter-group-label").forEach(function (el) {
      var key = el.textContent.trim().toLowerCase();
      if (FILTER_LABELS[key] && el.textContent !== FILTER_LABELS[key]) {
        el.textContent = FILTER_LABELS[key];
      }
    });
  }

  function updateEmptyState() {
    if (!emptyBox) return;
    var message = root.querySelector(".pagefind-ui__message");
    var anyResult = root.querySelector(".pagefind-ui__result");
    var text = message ? message.textContent : "";
    var empty = !!state.q && !anyResult && /^Tidak ada hasil/.test(text);
    if (empty && emptyWord) emptyWord.textContent = "“" + state.q + "”";
    if (emptyBox.hidden === empty) emptyBox.hidden = !empty;
  }

  var headerBox = document.getElementById("cari-header");

  function onInput() {
    state.q = input.value.trim();
    if (headerBox) headerBox.value = input.value;
    writeUrl();
  }

  function create() {
    var options = {
      element: root,
      bundlePath: root.getAttribute("data-bundle") || "/pagefind/",
      showImages: true,
      showSubResults: false,
      resetStyles: false,
      pageSize: 5,
      excerptLength: 24,
      debounceTimeoutMs: 150,
      showEmptyFilters: false,
      openFilters: ["jenis"],
      translations: TRANSLATIONS,
      processResult: processResult
    };
    if (state.sort === "terbaru") options.sort = { date: "desc" };
    ui = new window.PagefindUI(options);
    input = root.querySelector(".pagefind-ui__search-input");
    if (input) {
      input.setAttribute("aria-label", "Kata pencarian");
      input.addEventListener("input", onInput);
    }
    if (state.q) {
      if (input) input.value = state.q;
      if (headerBox) headerBox.value = state.q;
      ui.triggerSearch(state.q);
    }
    if (Object.keys(state.filters).length) ui.triggerFilters(state.filters);
    if (!state.q && input) {
      // The UI starts loading Pagefind (wasm, index metadata, filters) when its box gets
      // focus. Start that now, without moving the reader's focus, so the first keystroke
      // does not wait for it. (With ?q= the search itself starts loading at once.)
      input.dispatchEvent(new Event("focus"));
    }
  }

  // Keep URL, labels and the no-results box in step with what the UI renders.
  root.addEventListener("change", function (event) {
    if (event.target && event.target.classList.contains("pagefind-ui__filter-checkbox")) {
      readFiltersFromUi();
      writeUrl();
    }
  });
  root.addEventListener("click", function (event) {
    if (event.target && event.target.classList.contains("pagefind-ui__search-clear")) {
      state.q = "";
      writeUrl();
    }
  });
  new MutationObserver(function () {
    relabel();
    updateEmptyState();
  }).observe(root, { childList: true, subtree: true, characterData: true });

  if (sortSelect && sortWrap) {
    sortSelect.value = state.sort;
    sortWrap.hidden = false;
    sortSelect.addEventListener("change", function () {
      if (input) state.q = input.value.trim();
      readFiltersFromUi();
      state.sort = sortSelect.value === "terbaru" ? "terbaru" : "";
      writeUrl();
      if (ui) ui.destroy();
      root.textContent = "";
      create();
    });
  }

  try {
    create();
  } catch (err) {
    if (failBox) failBox.hidden = false;
    throw err;
  }
})();
