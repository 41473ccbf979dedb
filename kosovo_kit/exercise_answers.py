"""Answer keys of the course exercises, for teachers and for :mod:`kosovo_kit.exercises`.

Students work from the notebooks and get feedback from the check functions; the keys live
here, apart from the student text, with the words of the article that support each answer.
Everything that can be computed from the article (offsets, counts, the words the sentiment
lexicon scores) is computed by the checks, not written down here.

>>> from kosovo_kit import exercise_answers
>>> exercise_answers.SIDES["dmitry peskov"].answer
'Russia'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "KINDS",
    "REFERENCES",
    "SENTENCE_SPLIT",
    "SIDES",
    "TRANSLATION_SIGNS",
    "WORD_COUNT_WORDS",
    "Key",
    "model_answers",
]


@dataclass(frozen=True)
class Key:
    """One answer with the article's words that support it.

    Attributes
    ----------
    label : str
        How the item is named in feedback.
    answer : str
        The expected answer.
    evidence : str
        Words of the article that support the answer (quoted in feedback once it is right).
    hint : str
        Where to look, without giving the answer away.
    accept : tuple of str
        Other spellings of the answer that count as right (lower case).
    """

    label: str
    answer: str
    evidence: str
    hint: str
    accept: tuple[str, ...] = ()


#: Exercise 01.1: the side each named speaker speaks for. Keys are lower-case names.
SIDES: dict[str, Key] = {
    "dmitry peskov": Key(
        "Dmitry Peskov",
        "Russia",
        "Kremlin spokesman Dmitry Peskov",
        "read the two words just before his name the first time it appears",
        ("russian federation", "kremlin", "moscow"),
    ),
    "milos vucevic": Key(
        "Milos Vucevic",
        "Serbia",
        "Serbian Defense Minister Milos Vucevic",
        "his title says which country's minister he is",
        ("belgrade", "serbian government"),
    ),
    "christofer burger": Key(
        "Christofer Burger",
        "Germany",
        "Foreign Office spokesman Christofer Burger",
        "he speaks in the second part of the article: read the heading above it",
        ("berlin", "german government", "german foreign office"),
    ),
    "the federal government": Key(
        "the federal government",
        "Germany",
        "Germany condemns Serbia’s policies",
        "the article never names the country in that sentence: the heading above it does",
        ("berlin", "german government", "german federal government"),
    ),
}

#: Exercise 01.2: passages that read as machine translation, with what they likely mean.
TRANSLATION_SIGNS: dict[str, str] = {
    "( y) be guaranteed": "a word is lost in brackets; probably “can be guaranteed”",
    "tensions be Kosovo": "“be” stands where a preposition belongs; probably “tensions in Kosovo”",
    "ban the life of Serbs": "“the life of” makes no sense here; probably “ban Serbs living in "
    "Kosovo from using number plates issued by Serbia”",
    "head of Serbia’s armies": "English says the army (or armed forces), not “armies”",
    "the federal government estimated": "“estimated” for “considered” or “judged”: a false "
    "friend of the source language",
    "the 2008 proclaimed independence": "English puts the date after: “the independence "
    "proclaimed in 2008”",
}

#: Exercise 02.2: paragraph 3 split into its sentences by hand.
SENTENCE_SPLIT: tuple[str, ...] = (
    "“We have very close allied, historical and spiritual ties with Serbia,” Kremlin "
    "spokesman Dmitry Peskov told reporters, adding that Russia “follows very closely what is "
    "happening (in Kosovo, ed.) and how the rights of Serbs ( y) be guaranteed”.",
    "“And of course we support Belgrade in its actions,” he stressed.",
)

#: Exercise 02.3: the words to count.
WORD_COUNT_WORDS: tuple[str, ...] = ("Serbia", "Kosovo", "Belgrade")

#: Exercise 03.1: the kind of five statements, by letter (shown by ``statements_to_classify``).
KINDS: dict[str, Key] = {
    "A": Key(
        "“We have very close allied, historical and spiritual ties with Serbia,”",
        "direct",
        "“We have very close allied, historical and spiritual ties with "
        "Serbia,” Kremlin spokesman Dmitry Peskov told reporters",
        "is any word of it outside the quotation marks?",
    ),
    "B": Key(
        "Russia “follows very closely what is happening (in Kosovo, ed.) and how the "
        "rights of Serbs ( y) be guaranteed”",
        "mixed",
        "adding that Russia “follows very closely …”",
        "look where the quotation mark opens: is “Russia” inside it?",
    ),
    "C": Key(
        "the country’s army was on heightened alert Monday night following recent "
        "tensions be Kosovo",
        "indirect",
        "Milos Vucevic announced that the country’s army was on heightened alert",
        "count the quotation marks in this statement",
    ),
    "D": Key(
        "The increase in the Serbian military presence on the border with Kosovo, which "
        "is plagued by tension, is a “very bad signal”",
        "mixed",
        "is a “very bad signal”, the federal government estimated",
        "some words are quoted, most are the reporter's",
    ),
    "E": Key(
        "“It goes without saying that Serbia defends the rights of Serbs living nearby in "
        "such difficult conditions and that it reacts harshly when their rights are "
        "violated”",
        "direct",
        "According to Dmitry Peskov, “It goes without saying …”",
        "“According to” is not a verb, but the statement itself may still be all quote",
    ),
}

#: Exercise 03.2: whom or what a phrase refers to, by letter.
REFERENCES: dict[str, Key] = {
    "A": Key(
        "“he” in “… in its actions,” he stressed",
        "Dmitry Peskov",
        "“We have very close allied …,” Kremlin spokesman Dmitry Peskov told reporters",
        "the last person named before this sentence",
        ("peskov", "kremlin spokesman dmitry peskov", "kremlin spokesman"),
    ),
    "B": Key(
        "“the federal government” in “… the federal government estimated”",
        "Germany",
        "Germany condemns Serbia’s policies",
        "the heading above the paragraph names the country",
        ("german federal government", "german government", "berlin"),
    ),
    "C": Key(
        "“the country” in “the country’s army was on heightened alert”",
        "Serbia",
        "Serbian Defense Minister Milos Vucevic announced that the country’s army",
        "whose defence minister is speaking?",
        ("belgrade",),
    ),
    "D": Key(
        "“It” in “It encourages the 120,000 Serbs in Kosovo”",
        "Serbia",
        "Serbia does not recognize the 2008 proclaimed independence …",
        "the subject of the sentence before",
        ("belgrade",),
    ),
}


def model_answers() -> dict[str, object]:
    """Return a model answer for every exercise whose answer is not computed from the text.

    Returns
    -------
    dict
        Exercise name → an answer its check function accepts in full.
    """
    return {
        "check_sides": {key.label: key.answer for key in SIDES.values()},
        "check_translation_signs": list(TRANSLATION_SIGNS)[:3],
        "check_sentence_split": list(SENTENCE_SPLIT),
        "check_statement_kinds": {letter: key.answer for letter, key in KINDS.items()},
        "check_references": {letter: key.answer for letter, key in REFERENCES.items()},
    }
