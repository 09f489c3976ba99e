"""Where Snowball alone fails the jurists: protected words and word families.

Data only, read by :mod:`traite_portal.search.analysis.french`, the tests and
``docs/search.md``. Words are written as people write them; the analysis folds
and stems them itself.
"""

# Never stemmed, and mapped to one token: Snowball makes « traite » (the
# trafficking) and « traitement » (a processing, a salary) both « trait »;
# it stems « étranger » to « etrang » but « étrangers » to « etranger ».
PROTECTED_WORDS = {
    "traite": ("traite", "traites", "traité", "traités"),
    "etranger": ("étranger",),
}

# A noun and its verb that Snowball stems apart (« protection » → protect,
# « protéger » → proteg): every stem of a family becomes the first one's.
# Verb forms in -ent keep their ending once folded (« protègent »), hence
# listed. Only forms of the same word go here; a synonym belongs to the
# editable synonym list instead.
FAMILIES = (
    ("protection", "protéger", "protègent", "protecteur", "protectrice"),
    ("prévention", "prévenir", "prévient", "préviennent"),
    ("répression", "réprimer"),
    ("coordination", "coordonner"),
    ("réinsertion", "réinsérer"),
    ("poursuite", "poursuivre", "poursuivi"),
    ("coopération", "coopèrent"),
    ("réflexion", "réfléchir"),
)
