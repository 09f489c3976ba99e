"""The consumer example of docs/sync.md, run as a worker would run it."""

from pathlib import Path
from plone import api
from traite_portal.changelog import consumers

import re
import transaction


DOC = Path(__file__).resolve().parents[2] / "docs" / "sync.md"


def test_consumer_example_runs(functional):
    portal = functional["portal"]
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S)
    (example,) = [block for block in blocks if "register_consumer" in block]
    consumers.register_consumer(portal, "search")
    transaction.commit()
    with api.env.adopt_roles(["Manager"]):
        kept = api.content.create(portal, "Document", id="kept", title="K")
        transaction.commit()
        gone = api.content.create(portal, "Document", id="gone", title="G")
        transaction.commit()
        gone_uid = gone.UID()
        api.content.delete(gone)
        transaction.commit()
    removed, reindexed = [], []
    exec(  # noqa: S102 - the documentation's own code
        example,
        {"portal": portal, "remove": removed.append, "reindex": reindexed.append},
    )
    assert removed == [gone_uid]
    assert reindexed == [kept.UID(), gone_uid]
    assert consumers.pending(portal, "search") == []
