"""Write the deep picture of an instance's site as JSON (run as a script).

    python ops_site_picture.py <zope.conf> <site id> <output.json> [refresh]
    python ops_site_picture.py compare <first.json> <second.json>

The second form prints where two pictures differ, one line each.

Each instance's FileStorage opens in its own process (Zope starts once per
process); the pictures are then compared in the test. The picture is
``exportimport_snapshot.site_picture``, the one the integration test uses.
"""

from pathlib import Path

import json
import sys


HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "exportimport"))


def main(zope_conf: str, site_id: str, output: str, refresh: str = "") -> None:
    from exportimport_snapshot import site_picture
    from traite_portal.commands.zope_app import open_app
    from zope.component.hooks import setSite

    app = open_app(Path(zope_conf))
    site = app[site_id]
    setSite(site)
    # Nothing is committed: a refreshed catalog stays in this process.
    picture = site_picture(site, refresh_catalog=refresh == "refresh")
    Path(output).write_text(json.dumps(picture, sort_keys=True), encoding="utf-8")


def compare(first: str, second: str) -> None:
    from exportimport_snapshot import differences

    pictures = [
        json.loads(Path(name).read_text(encoding="utf-8")) for name in (first, second)
    ]
    for line in differences(*pictures):
        print(line)


if __name__ == "__main__":
    if sys.argv[1] == "compare":
        compare(*sys.argv[2:])
    else:
        main(*sys.argv[1:])
