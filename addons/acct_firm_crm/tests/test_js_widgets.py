# Copyright 2026 Accounting Firm Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, no_retry, tagged

from odoo.addons.web.tests.test_js import HOOTCommon, unit_test_error_checker


@tagged("post_install", "-at_install")
class TestTimeWidgetsJs(HttpCase):
    """The hoot tests of the timer and "My week" (static/tests/time_widgets.test.js), run in
    headless Chromium the way Odoo's own ``WebSuite`` runs its unit tests, filtered to this
    addon's suite so that Odoo's thousands of tests are not run again."""

    @no_retry
    def test_time_widgets(self):
        suite = HOOTCommon._generate_hash(self, "@acct_firm_crm")
        self.browser_js(
            f"/web/tests?headless&loglevel=2&preset=desktop&timeout=15000&id={suite}",
            "",
            "",
            login="admin",
            timeout=600,
            success_signal="[HOOT] Test suite succeeded",
            error_checker=unit_test_error_checker,
        )
