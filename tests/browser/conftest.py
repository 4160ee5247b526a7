"""Real-browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live server.

Fixtures: `browser` (one Chromium per session), `page` (a fresh context and tab per test, its
base URL set to the live server, so `page.goto("/")` works), `strict_page` (same, with the site's
CSP enforced and its violations recorded). Helper: `assert_no_serious_axe_violations(page)`.
Mark tests `@pytest.mark.browser`.
"""

import os

# Playwright's sync API runs an event loop in this thread; Django would then refuse ORM calls
# from the test body (SynchronousOnlyOperation). The ORM is still used synchronously here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM = "/usr/bin/chromium"  # the Debian package: never download a browser
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_VERSION = "4.14.1"
AXE_JS = Path(__file__).resolve().parents[1] / "vendor" / f"axe-core-{AXE_VERSION}" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}
DEFAULT_TIMEOUT_MS = 15_000
SETTLED = "*, *::before, *::after { animation: none !important; transition: none !important; }"


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def _live_server_settings(live_server, settings):
    # The live server speaks plain HTTP: cookies must not require HTTPS there.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 0
    return live_server


def _new_page(browser, live_server, **context_options):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", **context_options)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser, _live_server_settings):
    """A tab on the live server. The CSP is bypassed so that axe-core can be injected."""
    context, page = _new_page(browser, _live_server_settings, bypass_csp=True)
    yield page
    context.close()


@pytest.fixture
def strict_page(browser, _live_server_settings):
    """A tab that enforces the site's CSP; `page.csp_violations` lists what the browser refused."""
    context, page = _new_page(browser, _live_server_settings)
    page.csp_violations = []
    page.on(
        "console",
        lambda message: page.csp_violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    context.close()


def axe_violations(page, *, impacts=BLOCKING_IMPACTS):
    """Run axe-core (vendored) on the current document; violations of the given impacts."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    # axe judges the page as it settles, not a frame of a fade-in (Wagtail's messages animate in).
    page.add_style_tag(content=SETTLED)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    results = page.evaluate("async () => await window.axe.run(document, {resultTypes: ['violations']})")
    return [violation for violation in results["violations"] if violation["impact"] in impacts]


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '').strip()}")
    return "\n".join(lines)


def assert_no_serious_axe_violations(page):
    """Fail on any "serious" or "critical" axe-core violation of the current page, listing them."""
    violations = axe_violations(page)
    assert not violations, f"axe-core {AXE_VERSION} on {page.url}:\n{format_violations(violations)}"
