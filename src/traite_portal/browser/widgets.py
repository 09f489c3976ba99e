"""A year widget: z3c.form shows integers with locale grouping (« 2 010 »)."""

from z3c.form.browser.text import TextWidget
from z3c.form.converter import IntegerDataConverter
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import ITextWidget
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.interface import implementer
from zope.interface import implementer_only
from zope.schema.interfaces import IInt


class IYearWidget(ITextWidget):
    """A text widget for a year."""


@implementer_only(IYearWidget)
class YearWidget(TextWidget):
    """Text widget whose value is a year, written without digit grouping."""

    klass = "text-widget year-widget"


@implementer(IFieldWidget)
def YearFieldWidget(field, request) -> IFieldWidget:
    """Field widget factory, named in the XML models with ``form:widget``."""
    return FieldWidget(field, YearWidget(request))


@adapter(IInt, IYearWidget)
class YearDataConverter(IntegerDataConverter):
    """Integers as plain digits both ways: « 2010 », never « 2 010 »."""

    def toWidgetValue(self, value) -> str:
        return "" if value is self.field.missing_value else str(value)

    def toFieldValue(self, value: str):
        if value.strip().isdigit():
            return int(value.strip())
        # Empty input and bad input: the standard converter and its message.
        return super().toFieldValue(value)
