from acct_firm_core.portal_policy import effective_rights


def test_client_takes_the_category_default_unless_the_firm_chose():
    assert effective_rights("both", is_contact=False) == {"download", "upload"}
    assert effective_rights("both", client_choice="download", is_contact=False) == {"download"}


def test_contacts_follow_the_client_but_never_exceed_it():
    assert effective_rights("both", client_choice="download") == {"download"}
    assert effective_rights("both", client_choice="download", contact_choice="both") == {"download"}
    assert effective_rights("both", contact_choice="upload") == {"upload"}


def test_restricted_categories_are_closed_to_contacts_unless_granted():
    assert effective_rights("both", restricted=True) == frozenset()
    assert effective_rights("both", restricted=True, is_contact=False) == {"download", "upload"}
    assert effective_rights("both", restricted=True, contact_choice="download") == {"download"}
