// A "Print" button (data-nege-print) opens the browser's print dialog (no inline script: CSP).
document.addEventListener("click", (event) => {
    if (event.target.closest("[data-nege-print]")) {
        window.print();
    }
});
