"""French stop words and elided articles, folded (no accents, lower case).

The list is Snowball's French stop word list (snowballstem.org), folded the way
:func:`traite_portal.search.analysis.french.fold` folds the text, so that a
query typed without accents drops the same words.
"""

# Articles and pronouns that French elides before a vowel: « l'exploitation »,
# « qu'il », « jusqu'à », « lorsqu'un ».
ELIDED = frozenset("l m t qu n s j d c jusqu quoiqu lorsqu puisqu".split())

SNOWBALL_FRENCH = """
au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais
me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses
son sur ta te tes toi ton tu un une vos votre vous c d j l a m n s t y ete etee
etees etes etant suis es est sommes etes sont serai seras sera serons serez
seront serais serait serions seriez seraient etais etait etions etiez etaient
fus fut fumes futes furent sois soit soyons soyez soient fusse fusses fut
fussions fussiez fussent ayant eu eue eues eus ai as avons avez ont aurai auras
aura aurons aurez auront aurais aurait aurions auriez auraient avais avait
avions aviez avaient eut eumes eutes eurent aie aies ait ayons ayez aient eusse
eusses eut eussions eussiez eussent ceci cela cet cette ici ils les leurs quel
quels quelle quelles sans soi
"""

STOP_WORDS = frozenset(SNOWBALL_FRENCH.split()) | ELIDED
