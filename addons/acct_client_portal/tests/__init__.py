from . import (
    test_portal_accounting,
    test_portal_attacks,
    test_portal_documents,
    test_portal_tours,
    test_portal_uploads,
)
from . import test_portal_deadlines
from . import test_portal_profile
from . import test_portal_notifications
from . import test_portal_profile_tour
