"""The identifier keys of a content item, for the ``search_identifiers`` index."""

from plone.app.textfield.interfaces import IRichTextValue
from traite_portal.interfaces import IChapter
from traite_portal.interfaces import ICourtRuling
from traite_portal.interfaces import IEuropeanText
from traite_portal.interfaces import IGretaRecommendation
from traite_portal.interfaces import ILegalText
from traite_portal.interfaces import IMeasure
from traite_portal.interfaces import INationalText
from traite_portal.search.identifiers.kinds import article_number
from traite_portal.search.identifiers.kinds import compact
from traite_portal.search.identifiers.kinds import eli_path
from traite_portal.search.identifiers.kinds import eu_act
from traite_portal.search.identifiers.kinds import key
from traite_portal.search.identifiers.kinds import SECONDARY

import re


_CELEX = re.compile(r"^[0-9CE](\d{4})[A-Z]{1,2}(\d{4})$")
_NATIONAL = re.compile(r"\bn[°º]\s*(\d{2,4}-\d{1,5})\b")
_ELI_NATIONAL = re.compile(
    r"/eli/(?:loi|decret|ordonnance|arrete)/(?:[\d/]+/)?(\d{2,4}-\d{1,5})/"
)
_TREATY = re.compile(r"\b(?:STCE|STE|CETS)\s*(?:n[°º]|No\.?)?\s*(\d{1,3})\b")
_CASE_PARTIES = re.compile(r"\s+c\.\s+", re.I)
ARTICLE_KIND = "article de code"


def _value(obj, name: str):
    value = getattr(obj, name, None)
    if IRichTextValue.providedBy(value):
        return value.raw or ""
    return value


def _legal_keys(obj) -> list[str]:
    keys = []
    for kind in ("ecli", "celex", "nor"):
        value = _value(obj, kind)
        if value:
            keys.append(key(kind, str(value).strip().upper()))
    for number in _value(obj, "application_numbers") or ():
        keys.append(key("application", number.strip()))
    eli = _value(obj, "eli")
    if eli:
        keys.append(key("eli", eli_path(eli)))
        national = _ELI_NATIONAL.search(f"/{eli_path(eli)}/")
        if national:
            keys.append(key("national", national[1]))
    title = obj.Title()
    national = _NATIONAL.search(title)
    if national:
        keys.append(key("national", national[1]))
    treaty = _TREATY.search(title)
    if treaty:
        keys.append(key("treaty", int(treaty[1])))
    return keys


def _european_keys(obj) -> list[str]:
    celex = _CELEX.match((_value(obj, "celex") or "").strip().upper())
    return [key("euact", eu_act(*celex.groups()))] if celex else []


def _national_keys(obj) -> list[str]:
    # A code article is what « article L.511-4 » names; the code that lists
    # the article answers only when the article has no item of its own.
    articles = _value(obj, "articles") or []
    own = _value(obj, "text_kind") == ARTICLE_KIND or len(articles) == 1
    suffix = "" if own else SECONDARY
    return [key("article", article_number(a)) + suffix for a in articles]


def _greta_keys(obj) -> list[str]:
    report = _value(obj, "report")
    match = re.search(r"\((\d{4})\)\s*(\d+)", report or "")
    if not match:
        return []
    # The report's own item has no text; its recommendations point to it.
    suffix = SECONDARY if _value(obj, "text") else ""
    return [key("greta", f"{match[1]}-{int(match[2])}") + suffix]


def _case_keys(obj) -> list[str]:
    name = _value(obj, "case_name") or ""
    if not name:
        return []
    applicant = _CASE_PARTIES.split(name)[0]
    return sorted({key("case", compact(name)), key("case", compact(applicant))})


def identifier_keys(obj) -> list[str]:
    """Every identifier key of the item (empty for items without any)."""
    keys = []
    if IMeasure.providedBy(obj) and obj.number:
        keys.append(key("measure", obj.number))
    if IChapter.providedBy(obj) and obj.number:
        keys.append(key("chapter", obj.number))
    if ILegalText.providedBy(obj):
        keys.extend(_legal_keys(obj))
    if IEuropeanText.providedBy(obj):
        keys.extend(_european_keys(obj))
    if INationalText.providedBy(obj):
        keys.extend(_national_keys(obj))
    if IGretaRecommendation.providedBy(obj):
        keys.extend(_greta_keys(obj))
    if ICourtRuling.providedBy(obj):
        keys.extend(_case_keys(obj))
    return list(dict.fromkeys(keys))
