"""Paging the feed while other requests commit: every change is read once.

Real threads post documents to the real WSGI server (its worker threads
commit concurrently, conflicting requests are retried by Zope) while a
reader pages ``@changes`` two items at a time from a cursor taken before.
"""

from plone.app.testing import SITE_OWNER_NAME
from sync_http import head_cursor
from sync_http import session_for

import threading
import transaction


WRITERS = 3
DOCUMENTS_EACH = 8


# Zope retries a conflicting request three times; on a loaded machine three
# writers into one folder can still lose all four tries, and the client is
# told so (ConflictError): it sends the request again, as a sync client does.
CLIENT_TRIES = 5


def write_documents(url: str, writer: int, uids: list, errors: list) -> None:
    session = session_for(SITE_OWNER_NAME)
    for number in range(DOCUMENTS_EACH):
        payload = {"@type": "Document", "title": f"Écrit {writer}-{number}"}
        for _try in range(CLIENT_TRIES):
            response = session.post(url, json=payload, timeout=120)
            if "ConflictError" not in response.text:
                break
        if response.status_code != 201:
            errors.append(response.text)
            return
        uids.append(response.json()["UID"])


def test_no_change_skipped_or_repeated_while_paging(functional):
    portal = functional["portal"]
    transaction.commit()
    url = portal.absolute_url()
    reader = session_for(SITE_OWNER_NAME)
    cursor = head_cursor(reader, url)
    created, errors = [], []
    writers = [
        threading.Thread(target=write_documents, args=(url, n, created, errors))
        for n in range(WRITERS)
    ]
    for thread in writers:
        thread.start()
    seen, pages = [], 0
    while True:
        writing = any(thread.is_alive() for thread in writers)
        response = reader.get(
            f"{url}/@changes", params={"since": cursor, "b_size": "2"}, timeout=120
        )
        assert response.status_code == 200, response.text
        page = response.json()
        pages += 1
        seen.extend(item["UID"] for item in page["items"])
        cursor = page["cursor"]
        if not writing and "next" not in page["batching"]:
            break  # writers were done before this page was read: caught up
    for thread in writers:
        thread.join()
    assert not errors, errors
    assert len(created) == WRITERS * DOCUMENTS_EACH
    assert sorted(seen) == sorted(created)  # none skipped, none twice
    assert pages > 2  # read while writing, page by page
