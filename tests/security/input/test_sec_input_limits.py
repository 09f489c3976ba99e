"""Every text field of every content type is limited over REST (PATCH and POST).

The fields come from the types' schemas (``iterSchemataForType``), the limits
from ``traite_portal.security.limits``: one character (or one list item) over
the limit is refused with the French message and nothing is written; values
at the limit are saved.
"""

from dataclasses import dataclass
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from sec_input_site import session_for
from sec_input_site import TYPE_NAMES
from traite_portal.security.fields import limit_name
from traite_portal.security.fields import limited_fields
from traite_portal.security.limits import limit
from zope.schema.interfaces import ValidationError

import pytest
import transaction


# The short name renames the item: REST writes it through the URL, not PATCH.
NOT_PATCHED = {"id"}
# Written, but kept only with the version it describes (never read back).
NOT_STORED = {"changeNote"}


@dataclass
class Case:
    """One limited field: a JSON value over its limit, and one at it (or None
    when the field's own rules, such as a NOR pattern, refuse any long value)."""

    name: str
    limit_name: str
    label: str
    over: object
    at: object | None


def _json(field, text: str):
    if IRichText.providedBy(field):
        return {"data": text, "content-type": "text/html", "encoding": "utf-8"}
    return text


def _valid_text(field, item, length: int) -> str | None:
    """A text of ``length`` characters that the field itself accepts."""
    bound = field.bind(item)
    prefix = "https://example.org/"
    for text in ("x" * length, prefix + "x" * (length - len(prefix))):
        value = text
        if IRichText.providedBy(field):
            value = RichTextValue(text, "text/html", "text/x-html-safe")
        try:
            bound.validate(value)
        except ValidationError:
            continue
        return text
    return None


def cases(type_name: str, item) -> list[Case]:
    """The limited fields of the type, as REST writes them."""
    result = []
    for schema in iterSchemataForType(type_name):
        for name, kind in limited_fields(schema).items():
            field = schema[name]
            if name in NOT_PATCHED or field.readonly:
                continue
            if kind == "list_items":
                size = limit(limit_name(field.value_type)).value
                text = _valid_text(field.value_type, item, size)
                count = limit("list_items").value
                over = [f"v{i}" for i in range(count + 1)]
                at = (
                    None
                    if text is None
                    else [f"{i:03d}{text[3:]}" for i in range(count)]
                )
                result.append(Case(name, kind, name, over, at))
                if text is not None:
                    item_kind = limit_name(field.value_type)
                    result.append(
                        Case(name, item_kind, f"{name}[0]", [text + "x"], None)
                    )
                continue
            text = _valid_text(field, item, limit(kind).value)
            over = _json(field, (text or "x" * limit(kind).value) + "x")
            at = None if text is None else _json(field, text)
            result.append(Case(name, kind, name, over, at))
    return result


def _message(response) -> str:
    return str(response.json()["message"])


class TestRestPatch:
    @pytest.mark.parametrize("type_name", TYPE_NAMES)
    def test_over_the_limit_refused(self, typed_items, type_name):
        item = typed_items[type_name]
        db = item._p_jar.db()
        admin = session_for("admin")
        checked = cases(type_name, item)
        assert any(case.name == "title" for case in checked)
        for case in checked:
            before = db.lastTransaction()
            response = admin.patch(
                item.absolute_url(), json={case.name: case.over}, timeout=60
            )
            assert response.status_code == 400, (case.label, response.text[:500])
            expected = (
                "trop d'éléments" if case.limit_name == "list_items" else "trop long"
            )
            assert expected in _message(response), (case.label, response.text[:500])
            assert f"au plus {limit(case.limit_name).value}" in _message(response)
            assert db.lastTransaction() == before, case.label

    @pytest.mark.parametrize("type_name", TYPE_NAMES)
    def test_at_the_limit_saved(self, typed_items, type_name):
        item = typed_items[type_name]
        body = {
            case.name: case.at for case in cases(type_name, item) if case.at is not None
        }
        response = session_for("admin").patch(
            item.absolute_url(), json=body, timeout=120
        )
        assert response.status_code == 204, response.text[:1000]
        transaction.begin()
        assert len(item.title) == limit("text_line").value
        for schema in iterSchemataForType(type_name):
            for name in (set(body) & set(schema.names(all=True))) - NOT_STORED:
                stored = schema[name].get(schema(item))
                expected = body[name]
                if isinstance(expected, dict):
                    assert stored.raw == expected["data"], name
                else:
                    assert (
                        list(stored) == list(expected)
                        if isinstance(expected, list)
                        else stored == expected
                    ), name


class TestRestPost:
    @pytest.mark.parametrize("type_name", TYPE_NAMES)
    def test_adding_over_the_limit_refused(self, typed_items, type_name):
        container = typed_items[type_name].__parent__
        db = container._p_jar.db()
        before = db.lastTransaction()
        title = "x" * (limit("text_line").value + 1)
        response = session_for("admin").post(
            container.absolute_url(),
            json={"@type": type_name, "id": "trop-long", "title": title},
            timeout=60,
        )
        assert response.status_code == 400, response.text[:500]
        assert "est trop long : 1001 caractères, au plus 1000" in _message(response)
        assert db.lastTransaction() == before
