"""Takes the README's screenshots and the client portal's from a running demo (scripts/run.sh).

    python3 scripts/screenshots.py [--url http://127.0.0.1:8069] [--db acct_firm_demo]

Logs in over HTTP as each demo user (a login that fails stops the script, so it checks the
logins run.sh prints too) and drives headless Chromium with the browser of
``scripts/screens.py`` (the gallery of every back-office screen). The README's pictures go
to ``docs/``, the portal's to ``docs/screens/portal_*.png``.
"""

import argparse
import sys
import time
from pathlib import Path

from screens import ENGLISH_WORDS_JS, Chromium, Odoo, chromium_binary, write_english

DOCS = Path(__file__).resolve().parent.parent / "docs"
WIDTH, HEIGHT = 1400, 860
CLIENT_FORM = "/odoo/action-acct_firm_crm.action_acct_firm_clients/{client_id}"
SHOTS = (
    # (picture, login, path, JavaScript run once the page is there)
    (
        "client_form.png",
        "demo",
        CLIENT_FORM,
        "document.querySelector('.o_notebook_headers a[name=\"acct_firm_client\"]').click()",
    ),
    ("deadlines.png", "demo", "/odoo/action-acct_firm_crm.action_acct_deadlines", None),
    ("portal_my_accounting.png", "client", "/my/accounting", None),
    ("screens/portal_documents.png", "client", "/my/accounting/documents", None),
    ("screens/portal_upload.png", "bookkeeper", "/my/accounting/upload", None),
    ("screens/portal_log.png", "client", "/my/accounting/log", None),
    ("screens/portal_requests.png", "client", "/my/accounting/requests", None),
    ("screens/portal_request_new.png", "bookkeeper", "/my/accounting/requests/new", None),
    # The portal chatter mounts the conversation once the page is there: give it a moment.
    ("screens/portal_request.png", "client", "/my/accounting/requests/{done_request_id}", "0"),
    (
        "screens/client_requests.png",
        "demo",
        "/odoo/action-acct_client_portal.action_acct_client_requests",
        None,
    ),
    ("screens/portal_deadlines.png", "client", "/my/accounting/deadlines", None),
    ("screens/portal_authorisations.png", "client", "/my/accounting/authorisations", None),
    ("screens/portal_profile.png", "client", "/my/accounting/profile", None),
    ("screens/portal_notifications.png", "client", "/my/accounting/notifications", None),
    (
        "screens/portal_profile_change_form.png",
        "demo",
        "/odoo/action-acct_client_portal.action_acct_profile_change",
        "document.querySelector('.o_data_row td.o_data_cell').click()",
    ),
    ("screens/portal_work.png", "client", "/my/accounting/work", None),
    (
        "screens/acct_work_statement_wizard.png",
        "admin",
        CLIENT_FORM,
        "document.querySelector('.o_button_more').click(); setTimeout(() => document"
        ".querySelector('.fa-list-alt').closest('button').click(), 800)",
    ),
    (
        "screens/portal_client_tab.png",
        "admin",
        CLIENT_FORM,
        "document.querySelector('.o_notebook_headers a[name=\"acct_portal\"]').click()",
    ),
)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="acct_firm_demo")
    parser.add_argument("--client-code", default="C0001", help="the client of the forms")
    parser.add_argument(
        "--english",
        metavar="FILE",
        help="write to FILE each visible text with Latin letters and the pictures it is on",
    )
    args = parser.parse_args(argv)
    browser = Chromium(chromium_binary(), WIDTH, HEIGHT)
    english = {}  # {text with Latin letters: the pictures it shows on}
    try:
        for name, login, path, script in SHOTS:
            try:
                odoo = Odoo(args.url, args.db, login, login)
            except RuntimeError as error:
                sys.exit(f"Login {login} / {login} failed: {error}")
            if "{client_id}" in path:
                client_ids = odoo.call(
                    "res.partner", "search", [("acct_client_code", "=", args.client_code)], limit=1
                )
                path = path.format(client_id=client_ids[0])
            if "{done_request_id}" in path:
                done_ids = odoo.call(
                    "project.task",
                    "search",
                    [("acct_request_kind_id", "!=", False), ("state", "=", "1_done")],
                    limit=1,
                )
                path = path.format(done_request_id=done_ids[0])
            browser.use_session(args.url, odoo.session_id)
            portal = not path.startswith("/odoo")
            # The first page of a kind builds its assets: give it time.
            ready = Chromium.PAGE_READY if portal else Chromium.BACKEND_READY
            browser.goto(args.url + path, ready=ready, timeout=180)
            if script:
                browser.evaluate(script)
                time.sleep(1.5)
            target = DOCS / name
            target.parent.mkdir(parents=True, exist_ok=True)
            browser.screenshot(target)
            print(f"    {target}")
            for text in browser.evaluate(ENGLISH_WORDS_JS) or []:
                english.setdefault(text, []).append(name)
    finally:
        browser.close()
    if args.english:
        write_english(args.english, english)


if __name__ == "__main__":
    main()
