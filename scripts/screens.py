#!/usr/bin/env python3
"""Screenshots of every back-office screen of the suite, in the Bulgarian UI.

Takes, from a running demo (``bash scripts/run.sh``), one picture of each list the suite's
menus open and of the first record's form (one picture per tab of the form), with headless
Chromium at 1366x768, into ``docs/screens/``:

    python3 scripts/screens.py                       # http://127.0.0.1:8069, acct_firm_demo
    python3 scripts/screens.py --url http://127.0.0.1:8070 --db my_firm --out /tmp/screens

The user (admin by default) is switched to Bulgarian first. Chromium is driven through its
DevTools protocol over a pipe (``--remote-debugging-pipe``): only the standard library is
needed (Pillow, when importable, shrinks the pictures to a palette), and ``chromium``
(``apt-get install -y chromium``) on the PATH or in ``$CHROMIUM``.
"""

import argparse
import base64
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

try:  # Pillow (Odoo's Python has it) makes the pictures smaller; optional
    from PIL import Image
except ImportError:
    Image = None

SUITE = ("acct_firm_crm", "acct_segments", "acct_client_portal")
WIDTH, HEIGHT = 1366, 768
MAX_TABS = 8
# The suite's blocks in the settings of the apps it extends: (picture, url, a field of it).
SETTINGS = [
    ("settings_statutory", "/odoo/settings#project", "acct_reminder_days"),
    ("settings_billing", "/odoo/settings#account", "acct_billing_post_invoices"),
    ("settings_time", "/odoo/settings#hr_timesheet", "acct_timer_rounding_minutes"),
    ("settings_segments", "/odoo/settings#acct_segments", "acct_segments_purchase_model"),
]


class Odoo:
    """JSON-RPC of the web client, with the session cookie the browser reuses."""

    def __init__(self, url, db, login, password):
        self.url = url.rstrip("/")
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        result = self.rpc(
            "/web/session/authenticate", {"db": db, "login": login, "password": password}
        )
        self.uid = result["uid"]

    def rpc(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
        request = urllib.request.Request(
            self.url + path, body, {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=120) as response:
            answer = json.load(response)
        if answer.get("error"):
            raise RuntimeError(json.dumps(answer["error"], indent=1)[:2000])
        return answer["result"]

    def call(self, model, method, *args, **kwargs):
        return self.rpc(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    @property
    def session_id(self):
        return next(cookie.value for cookie in self.cookies if cookie.name == "session_id")


class Chromium:
    """Headless Chromium driven by the DevTools protocol on fds 3 (in) and 4 (out)."""

    def __init__(self, binary, width=WIDTH, height=HEIGHT):
        self.profile = tempfile.mkdtemp(prefix="acct_screens_")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def plumbing():
            # Through fresh copies, so that neither end already sits on 3 or 4.
            reader, writer = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(reader, 3)
            os.dup2(writer, 4)

        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--remote-debugging-pipe",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--lang=bg-BG",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            close_fds=False,
            preexec_fn=plumbing,  # noqa: PLW1509
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.session = None
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)[
            "sessionId"
        ]
        self.send("Page.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def send(self, method, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_chrome, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium exited")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return True
            time.sleep(0.3)
        return False

    # The web client has rendered and stopped loading.
    BACKEND_READY = (
        "!!document.querySelector('.o_action_manager > .o_action, .o_form_view, .o_list_view')"
        " && !document.querySelector('.o_loading_indicator, .o_blockUI')"
    )
    # A portal page (no web client) has loaded.
    PAGE_READY = "document.readyState === 'complete' && !!document.querySelector('#wrapwrap')"

    def settle(self, ready=BACKEND_READY, timeout=30):
        self.wait_for(ready, timeout=timeout)
        time.sleep(1.2)

    def goto(self, url, ready=BACKEND_READY, timeout=30):
        self.send("Page.navigate", url=url)
        time.sleep(0.5)
        self.settle(ready, timeout)

    def use_session(self, url, session_id):
        """Browse as the user whose session cookie this is."""
        host = re.sub(r"^https?://", "", url.rstrip("/")).split("/")[0].split(":")[0]
        self.send("Network.clearBrowserCookies")
        self.send("Network.setCookie", name="session_id", value=session_id, domain=host, path="/")

    def click(self, selector):
        clicked = self.evaluate(
            f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
            " if (!el) return false; el.click(); return true; })()"
        )
        if clicked:
            time.sleep(0.5)
            self.settle()
        return clicked

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        if Image:
            # A 128-colour palette: a third of the size, the same to read.
            picture = Image.open(path).convert("RGB")
            picture.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


# The visible words of the page with Latin letters: text nodes, placeholders and tooltips.
ENGLISH_WORDS_JS = """(() => {
    const visible = (element) => element && element.getClientRects().length > 0
        && getComputedStyle(element).visibility !== 'hidden';
    const latin = (text) => /[A-Za-z]{2,}/.test(text || '');
    const found = new Set();
    // The page and the shadow roots in it (the portal's chatter lives in one).
    const roots = [document.body];
    for (let index = 0; index < roots.length; index++) {
        for (const element of roots[index].querySelectorAll('*')) {
            if (element.shadowRoot) roots.push(element.shadowRoot);
        }
    }
    for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const text = walker.currentNode.textContent.trim();
            const parent = walker.currentNode.parentElement;
            const skipped = 'script, style, code, .o_field_email, .o_field_url';
            if (parent && latin(text) && visible(parent) && !parent.closest(skipped)) {
                found.add(text);
            }
        }
        for (const element of root.querySelectorAll('[placeholder], [title]')) {
            for (const attribute of ['placeholder', 'title']) {
                const text = (element.getAttribute(attribute) || '').trim();
                if (latin(text) && visible(element)) found.add(text);
            }
        }
    }
    return [...found];
})()"""
# {text with Latin letters: the pictures it shows on}, filled by shoot() with --english
ENGLISH_WORDS = {}


def shoot(browser, out, name):
    browser.screenshot(out / f"{name}.png")
    print(out / f"{name}.png")
    for text in browser.evaluate(ENGLISH_WORDS_JS) or []:
        ENGLISH_WORDS.setdefault(text, []).append(name)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def suite_menus(odoo):
    """The suite's menus that open a window action: [(xml id, action id)], menu order."""
    data = odoo.call(
        "ir.model.data",
        "search_read",
        [("model", "=", "ir.ui.menu"), ("module", "in", list(SUITE))],
        ["module", "name", "res_id"],
    )
    xmlids = {row["res_id"]: f"{row['module']}.{row['name']}" for row in data}
    menus = odoo.call(
        "ir.ui.menu",
        "search_read",
        [("id", "in", list(xmlids))],
        ["action", "complete_name"],
        order="parent_path",
    )
    result = []
    for menu in menus:
        action = menu["action"] or ""
        if action.startswith("ir.actions.act_window,"):
            result.append((xmlids[menu["id"]], int(action.split(",")[1])))
    return result


def chromium_binary():
    binary = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if not binary:
        sys.exit("No chromium on the PATH: apt-get install -y chromium (or set $CHROMIUM).")
    return binary


def write_english(path, words):
    """Write each visible text with Latin letters and the pictures it is on, one a line."""
    lines = [f"{text}\t{', '.join(names)}" for text, names in sorted(words.items())]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} texts with Latin letters in {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="acct_firm_demo")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--lang", default="bg_BG")
    parser.add_argument(
        "--out", default=str(Path(__file__).resolve().parent.parent / "docs/screens")
    )
    parser.add_argument(
        "--only", help="only the menus whose xml id contains this text (or one of a,b,c)"
    )
    parser.add_argument(
        "--english",
        metavar="FILE",
        help="write to FILE each visible text with Latin letters and the pictures it is on",
    )
    args = parser.parse_args()

    binary = chromium_binary()
    odoo = Odoo(args.url, args.db, args.login, args.password)
    odoo.call("res.users", "write", [odoo.uid], {"lang": args.lang, "tz": "Europe/Sofia"})
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if not args.only:
        # A full run is the gallery: no picture of a screen that is gone stays behind.
        for old in out.glob("*.png"):
            if old.name.startswith("portal_"):
                continue  # scripts/screenshots.py takes the portal's pictures
            old.unlink()

    browser = Chromium(binary)
    try:
        browser.use_session(args.url, odoo.session_id)
        # The first page builds the web client's assets once: give it time.
        browser.send("Page.navigate", url=f"{args.url}/odoo")
        if not browser.wait_for("!!document.querySelector('.o_main_navbar')", timeout=300):
            sys.exit("The web client did not load in 5 minutes.")
        seen = set()
        for xmlid, action_id in suite_menus(odoo):
            if action_id in seen or (
                args.only and not any(o in xmlid for o in args.only.split(","))
            ):
                continue
            seen.add(action_id)
            name = slug(xmlid.split(".", 1)[1].removeprefix("menu_"))
            url = f"{args.url}/odoo/action-{action_id}"
            browser.goto(url)
            shoot(browser, out, name)
            # The other views of the action: calendar, pivot, graph, kanban.
            others = browser.evaluate(
                "[...document.querySelectorAll('.o_switch_view:not(.active)')]"
                ".map(b => [...b.classList].find(c => c.startsWith('o_') && c !== 'o_switch_view'))"
            )
            for view_class in others or []:
                if browser.click(f".o_switch_view.{view_class}"):
                    shoot(browser, out, f"{name}_{view_class.removeprefix('o_')}")
            if others:
                browser.goto(url)
            # The first record's form: open a group first when the list is grouped.
            if not browser.evaluate("!!document.querySelector('.o_data_row')"):
                browser.click(".o_group_header")
            if not browser.click(".o_data_row .o_data_cell:not(.o_list_record_selector)"):
                continue
            if not browser.evaluate("!!document.querySelector('.o_form_view')"):
                continue
            shoot(browser, out, f"{name}_form")
            tabs = browser.evaluate(
                "document.querySelectorAll('.o_form_view .o_notebook_headers .nav-link').length"
            )
            for index in range(1, min(tabs or 0, MAX_TABS)):
                # The tab's content, scrolled up under its headers.
                browser.evaluate(
                    "document.querySelectorAll('.o_form_view .o_notebook_headers .nav-link')"
                    f"[{index}].click(); document.querySelector('.o_notebook').scrollIntoView()"
                )
                time.sleep(0.8)
                shoot(browser, out, f"{name}_form_tab{index + 1}")
        for name, url, field in SETTINGS:
            if args.only and not any(o in name for o in args.only.split(",")):
                continue
            browser.goto(args.url + url)
            browser.evaluate(
                f"document.querySelector('[name={field}]')"
                "?.closest('.o_setting_box, .o_settings_container')?.scrollIntoView()"
            )
            time.sleep(0.5)
            shoot(browser, out, name)
    finally:
        browser.close()
    if args.english:
        write_english(args.english, ENGLISH_WORDS)


if __name__ == "__main__":
    main()
