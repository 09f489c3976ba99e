"""Read an HTML form's fields as a browser would submit them (stdlib only)."""

from html.parser import HTMLParser


class FormFields(HTMLParser):
    """The successful controls of the form with the given id."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            # An ordered-selection widget's script submits every option of its
            # "to" list as ``<name>:list`` (z3c.form orderedselect_input.js).
            if self._select.endswith(".to"):
                self.fields.append((self._select[:-3] + ":list", attrs["value"]))
            elif "selected" in attrs:
                self.fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_data(self, data):
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, self._text))
            self._textarea = None


def form_fields(html: str, form_id: str = "form") -> dict[str, list[str]]:
    """``name → values`` of the form, as submitted by a browser."""
    parser = FormFields(form_id)
    parser.feed(html)
    values: dict[str, list[str]] = {}
    for name, value in parser.fields:
        values.setdefault(name, []).append(value)
    return values
