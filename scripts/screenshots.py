"""Takes the README's screenshots from a running demo (scripts/run.sh) with headless Chromium.

    python3 scripts/screenshots.py [--url http://127.0.0.1:8069] [--db acct_firm_demo] [--out docs]

Logs in over HTTP as a real user would (/web/session/authenticate: a login that fails stops
the script, so it checks the printed logins too), hands the session cookie to Chromium and
talks to it over its DevTools pipe (--remote-debugging-pipe: no extra library). Needs
`chromium` (apt-get install chromium) and requests (an Odoo requirement).
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import time

import requests

SHOTS = (
    # (file, login, password, path, JavaScript run once the page is there)
    (
        "client_form.png",
        "demo",
        "demo",
        "/odoo/action-acct_firm_crm.action_acct_firm_clients/{client_id}",
        "document.querySelector('.o_notebook_headers a[name=\"acct_firm_client\"]').click()",
    ),
    ("deadlines.png", "demo", "demo", "/odoo/action-acct_firm_crm.action_acct_deadlines", None),
    ("portal_my_accounting.png", "client", "client", "/my/accounting", None),
)


def login(url, db, user, password):
    """The session cookie of ``user``, logged in over JSON-RPC; exits when the login fails."""
    session = requests.Session()
    response = session.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": user, "password": password}},
        timeout=120,
    )
    result = response.json()
    if result.get("error") or not result.get("result", {}).get("uid"):
        sys.exit(f"Login {user} / {password} failed: {result.get('error')}")
    print(f"    logged in as {user}: uid {result['result']['uid']}")
    return session


class Chromium:
    """Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4)."""

    def __init__(self, width, height):
        # Debian's /usr/bin/chromium is a shell wrapper; the browser itself keeps our pipes.
        binary = (
            (os.path.exists("/usr/lib/chromium/chromium") and "/usr/lib/chromium/chromium")
            or shutil.which("chromium")
            or shutil.which("chromium-browser")
        )
        if not binary:
            sys.exit("chromium is missing: apt-get install -y chromium")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire():
            # Chromium reads fd 3 and writes fd 4; dup first, as a pipe end may already be
            # fd 3 or 4 (and dup2 onto itself would leave it close-on-exec).
            reading, writing = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--remote-debugging-pipe",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--lang=bg-BG",
                f"--window-size={width},{height}",
                "--user-data-dir=/tmp/acct-firm-screenshots",
                "about:blank",
            ],
            preexec_fn=wire,
            close_fds=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._id = 0
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Page.enable", session=True)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def call(self, method, session=False, **params):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._from_chrome, 1 << 16)
                if not chunk:
                    raise RuntimeError("Chromium closed its pipe")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def evaluate(self, expression):
        result = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(f"!!({expression})"):
                return True
            time.sleep(0.5)
        return False

    def close(self):
        self.process.terminate()
        self.process.wait(10)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="acct_firm_demo")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "docs"))
    parser.add_argument("--client-code", default="C0001", help="the client of the form")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=860)
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    browser = Chromium(args.width, args.height)
    try:
        for name, user, password, path, script in SHOTS:
            session = login(args.url, args.db, user, password)
            if "{client_id}" in path:
                client = session.post(
                    f"{args.url}/web/dataset/call_kw",
                    json={
                        "jsonrpc": "2.0",
                        "params": {
                            "model": "res.partner",
                            "method": "search",
                            "args": [[("acct_client_code", "=", args.client_code)]],
                            "kwargs": {"limit": 1},
                        },
                    },
                    timeout=60,
                ).json()["result"]
                path = path.format(client_id=client[0])
            browser.call("Network.clearBrowserCookies", session=True)
            browser.call(
                "Network.setCookie",
                session=True,
                name="session_id",
                value=session.cookies["session_id"],
                url=args.url,
            )
            browser.call("Page.navigate", session=True, url=f"{args.url}{path}")
            ready = "document.readyState === 'complete'"
            if path.startswith("/odoo"):
                ready += " && document.querySelector('.o_action_manager .o_view_controller')"
            if not browser.wait_for(ready, timeout=180):  # the first page builds the assets
                print(f"    {path} did not load: {browser.evaluate('document.title')}")
                sys.exit(1)
            if script:
                browser.evaluate(script)
            time.sleep(2)
            shot = browser.call("Page.captureScreenshot", session=True, format="png")
            target = os.path.join(args.out, name)
            with open(target, "wb") as out:
                out.write(base64.b64decode(shot["data"]))
            print(f"    {target}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
