"""A dict that fills itself, for values asked again and again."""


class Memo(dict):
    """The value of a missing key is ``make(key)``, made once and kept: a
    lookup of a known key then runs in C (``map(memo.__getitem__, keys)``)."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(key)
        return value
