"""Sentence sentiment scoring with VADER and a news calibration.

Layout
------
* :mod:`.vader`: the engine, one function per VADER rule; :func:`score_sentiment`.
* :mod:`.explain`: :func:`explain_sentiment`, built from the same rule calls.
* :mod:`.lexicons`: VADER's lexicon (from the ``vaderSentiment`` package), its degree words,
  negations, idioms and constants (``data/lexicons/vader_*``), the news overlay and rules.
* :mod:`.tokens`: VADER's tokenising, with character spans for explanations.
* :mod:`.target`: :func:`sentiment_toward`, how a sentence portrays one mention in it.

Engine
------
The scorer is a re-implementation of the VADER algorithm (Hutto and Gilbert, ICWSM 2014) that
keeps track of what each rule does to each token. We need our own engine because
:func:`explain_sentiment` reports per-token rule effects and the news calibration changes rules,
neither of which the reference package exposes. With ``lexicon="vader"`` the engine reproduces
``vaderSentiment`` 3.3.2's ``SentimentIntensityAnalyzer().polarity_scores`` exactly, including its
quirks (the order-dependent "but" rescaling, the "so"/"this" boost three words back, emoji
descriptions glued to the following character). The tests compare both on every NYT snippet.

``vaderSentiment`` stays a dependency: its lexicon files are read from the installed package
(nothing is downloaded) and it is the reference in the tests, which also check that the word
lists and constants in ``data/lexicons/vader_*`` equal its own. We do not use NLTK's
``SentimentIntensityAnalyzer``: it differs from the reference on about 4.4% of the NYT snippets
(it tokenises ``''`` quotes differently, has another rule for "no" and handles repeated words
differently) and NLTK 3.10 refuses to open a lexicon outside its data path.

News calibration
----------------
``lexicon="news"`` (the default) adds evaluative adjectives VADER lacks
(``data/lexicons/pattern_adjectives.csv``, from Pattern's sentiment lexicon) and
``data/lexicons/news_overlay.csv`` on top of the VADER lexicon (vocabulary of politics,
diplomacy and conflict, and common words whose news sense is neutral, such as the preposition
"like" or "party"), then ``data/lexicons/news_learned.csv`` (shrunk valence corrections of
frequent lexicon words and of stance-bearing discourse words such as "however" and "too",
``data/lexicons/news_cues.txt``, fitted on the NYT odd documents and NewsMTSC train by
``benchmarks/fit_news_lexicon.py``), and changes a few rules (:data:`NEWS_RULES`): capitalised
words inside a sentence are taken as parts of names and score 0; unknown inflected words are
looked up by their stem; a negative word after a reverser ("fewer deaths", "ending tensions",
``data/lexicons/reversers.txt``) counts as good news; a negation word is itself bad news ("it
isn't working"); a clause-final "too" means "also"; "but" rescales each word once by position;
negative scores weigh 1.3 times as much; and the normalisation constant is smaller and grows
with sentence length. Settings were chosen by cross-validation grouped by document. The learned
corrections were fitted on the NYT odd documents themselves, so their in-sample r there
(0.659) overstates what new text gets: the document-grouped cross-validated r, 0.603, is the
figure to expect (VADER: 0.496). ``benchmarks/sentiment.py`` reports both.

Target sentiment
----------------
:func:`sentiment_toward` classifies how a sentence portrays one mention in it (NewsMTSC's task)
with a small softmax regression over transparent features (:func:`target_features`), shipped
as readable weights in ``data/models``; ``benchmarks/train_target_model.py`` rebuilds them.
"""

from __future__ import annotations

from .explain import explain_sentiment
from .lexicons import NEWS_RULES, VADER_RULES, Lexicon, Rules, load_lexicon, read_overlay
from .target import (
    CONTRAST_WEIGHT,
    TARGET_FEATURES,
    sentiment_toward,
    sentiment_toward_explained,
    target_features,
)
from .vader import RULE_COLUMNS, normalise, score_sentiment

__all__ = [
    "CONTRAST_WEIGHT",
    "NEWS_RULES",
    "RULE_COLUMNS",
    "TARGET_FEATURES",
    "VADER_RULES",
    "Lexicon",
    "Rules",
    "explain_sentiment",
    "load_lexicon",
    "normalise",
    "read_overlay",
    "score_sentiment",
    "sentiment_toward",
    "sentiment_toward_explained",
    "target_features",
]
