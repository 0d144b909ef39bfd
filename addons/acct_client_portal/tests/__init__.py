from . import test_portal_accounting
