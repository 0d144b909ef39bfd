from . import (
    test_portal_accounting,
    test_portal_attacks,
    test_portal_deadlines,
    test_portal_documents,
    test_portal_notifications,
    test_portal_profile,
    test_portal_profile_tour,
    test_portal_tours,
    test_portal_uploads,
    test_portal_work,
)
