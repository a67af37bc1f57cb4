/* sphinx-academic: the filter controls above a publication list (publications/controls.py).
   The page holds every entry and the controls (hidden by a <noscript> style when scripts do
   not run); this hides the entries (and emptied year sections) that do not match, keeps the
   choice in the URL and says how many entries match. Settings: the form's data attributes. */
(() => {
  "use strict";
  const fold = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const TEXT = [".academic-pub-title", ".academic-pub-authors", ".academic-pub-venue",
    ".academic-pub-summary"];

  const setUp = (form) => {
    const lists = [...document.querySelectorAll(
      `ul[data-academic-list="${form.dataset.academicFilter}"]`)];
    const entries = lists.flatMap((ul) => [...ul.querySelectorAll(":scope > li")]);
    const words = new Map(entries.map((li) => [li, fold(
      TEXT.map((s) => li.querySelector(s)?.textContent || "").join(" ") + " " +
      (li.dataset.tags || ""))]));
    const fields = [...form.querySelectorAll("select, input")];
    const status = form.querySelector("[role=status]");
    const prefix = form.dataset.prefix || "";
    let timer = 0;

    const matches = (li, want) =>
      (!want.year || li.dataset.year === want.year) &&
      (!want.type || li.dataset.kind === want.type) &&
      (!want.tag || (li.dataset.tags || "").split(";").includes(want.tag)) &&
      fold(want.q || "").split(/\s+/).every((w) => words.get(li).includes(w));

    const remember = () => {
      const params = new URLSearchParams(location.search);
      for (const field of fields) {
        const value = field.value.trim();
        if (value) params.set(prefix + field.name, value);
        else params.delete(prefix + field.name);
      }
      const query = params.toString();
      history.replaceState(history.state, "",
        location.pathname + (query ? "?" + query : "") + location.hash);
    };

    const apply = (announce) => {
      const want = Object.fromEntries(fields.map((f) => [f.name, f.value.trim()]));
      let shown = 0;
      for (const li of entries) {
        li.hidden = !matches(li, want);
        shown += li.hidden ? 0 : 1;
      }
      for (const ul of lists) {
        const empty = ![...ul.children].some((li) => !li.hidden);
        const section = ul.closest("section.academic-year");
        (section || ul).hidden = empty;
        if (section) {
          document.querySelectorAll(`.toc-tree a[href="#${section.id}"]`)
            .forEach((a) => { a.parentElement.hidden = empty; });
        }
      }
      clearTimeout(timer);
      const say = () => {
        status.textContent = form.dataset.status
          .replace("{shown}", shown).replace("{total}", entries.length);
      };
      if (announce) timer = setTimeout(say, 500); else say();
      remember();
    };

    const params = new URLSearchParams(location.search);
    for (const field of fields) {
      const value = params.get(prefix + field.name);
      if (value === null) continue;
      if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === value)) {
        continue;
      }
      field.value = value;
    }
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("input", () => apply(true));
    form.addEventListener("change", () => apply(true));
    form.addEventListener("reset", () => setTimeout(() => apply(true)));
    apply(false);
  };

  document.querySelectorAll("form[data-academic-filter]").forEach(setUp);
})();
