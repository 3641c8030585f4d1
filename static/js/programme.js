// « Ajouter à mon programme » without reloading the page: the chosen sessions are kept in
// this browser (localStorage). Without JavaScript the same links carry the choice in the
// address instead (?programme=12,15), so nothing here is needed for the page to work.
(function () {
    const root = document.querySelector("[data-programme]");
    if (!root) {
        return;
    }
    const key = "programme:" + root.dataset.programme;
    const params = new URLSearchParams(window.location.search);

    function read() {
        try {
            const saved = JSON.parse(window.localStorage.getItem(key) || "[]");
            return Array.isArray(saved) ? saved.filter((id) => /^\d+$/.test(id)) : [];
        } catch (error) {
            return [];
        }
    }

    function save(ids) {
        try {
            window.localStorage.setItem(key, JSON.stringify(ids));
        } catch (error) {
            // Private browsing may refuse: the links in the address still work.
        }
    }

    // « Mon programme » opened without a selection in its address: the one kept here.
    if (root.hasAttribute("data-programme-page")) {
        const kept = read();
        if (!params.has("seances") && kept.length) {
            params.set("seances", kept.join(","));
            window.location.replace("?" + params.toString());
        } else if (params.has("seances")) {
            save((params.get("seances") || "").split(",").filter((id) => /^\d+$/.test(id)));
        }
        return;
    }

    let chosen = read();
    if (params.has("programme")) {  // a selection built without JavaScript, or shared
        chosen = (params.get("programme") || "").split(",").filter((id) => /^\d+$/.test(id));
        save(chosen);
    }
    const link = root.querySelector("[data-programme-link]");
    const count = root.querySelector("[data-programme-count]");
    const hidden = root.querySelector('input[name="programme"]');

    function show() {
        for (const toggle of root.querySelectorAll("[data-session]")) {
            const label = toggle.querySelector("[data-label]");
            label.textContent = chosen.includes(toggle.dataset.session)
                ? "Retirer de mon programme"
                : "Ajouter à mon programme";
        }
        if (link) {
            link.href = root.dataset.programmeUrl + (chosen.length ? "?seances=" + chosen.join(",") : "");
        }
        if (count) {
            count.textContent = chosen.length === 1
                ? "Mon programme : 1 séance choisie."
                : "Mon programme : " + chosen.length + " séances choisies.";
        }
        if (hidden) {
            hidden.value = chosen.join(",");
        }
    }

    root.addEventListener("click", (event) => {
        const toggle = event.target.closest("[data-session]");
        if (!toggle) {
            return;
        }
        event.preventDefault();
        const id = toggle.dataset.session;
        chosen = chosen.includes(id) ? chosen.filter((other) => other !== id) : [...chosen, id];
        save(chosen);
        show();
    });
    show();
})();
