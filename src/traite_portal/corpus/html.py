"""Plain text of the intermediate format to the HTML of rich-text fields."""

from html import escape


def text_to_html(text: str) -> str:
    """Paragraphs (blank-line separated) to <p>; runs of "- " lines to a list."""
    blocks: list[str] = []
    items: list[str] = []
    for paragraph in (p.strip() for p in text.split("\n\n")):
        if not paragraph:
            continue
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        for line in lines:
            if line.startswith(("- ", "• ")):
                items.append(f"<li>{escape(line[2:].strip())}</li>")
                continue
            if items:
                blocks.append("<ul>" + "".join(items) + "</ul>")
                items = []
            blocks.append(f"<p>{escape(line)}</p>")
    if items:
        blocks.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(blocks)


def short_title(text: str, limit: int = 120) -> str:
    """The first sentence of a text, cut at a word boundary, for titles."""
    first = " ".join(text.split())
    for stop in (". ", " : "):
        if stop in first[: limit + 1]:
            first = first[: first.index(stop) + 1].rstrip(" :")
            break
    if len(first) <= limit:
        return first.lstrip("- ")
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.lstrip("- ") + " …"
