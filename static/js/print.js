// The « Imprimer » button of a guide's print view: hidden until this script runs, so
// that without JavaScript the page only gives the browser's own way (Ctrl + P).
for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
}
