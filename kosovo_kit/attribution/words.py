"""Closed-class word lists the frames read: the grammar of English attribution.

Reporting verbs and their flags are data (``data/cues.csv``), titles too
(``data/titles.txt``); what stays here are function words, time words and punctuation
that a user rarely needs to extend. All are lower-case.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as running text, one or more words a line."""
    return frozenset(text.split())


# A lone pronoun and what it may refer to; "we" and "I" speak for the writer's side.
PRONOUNS = {
    "he": "person",
    "she": "person",
    "it": "org",
    "they": "group",
    "we": "self",
    "i": "self",
}
DETERMINERS = _words(
    """
    the a an this that these those his her its their our another some several many two
    three one
    """
)
# Words that may stand alone, or before "of them", for a group of speakers ("Some say …",
# "most of them said …")
QUANTIFIERS = _words("some many most few both several all none half each")
# Determiners that stand alone for people as a subject ("Yet another said …", "Several
# said …")
PRONOUN_DETERMINERS = _words("another several many some both")
# Words that may stand between a speaker and the reporting verb (a negated auxiliary
# is two tokens, "didn" and "’t").
SKIP_BEFORE_CUE = _words(
    """
    also has have had was were is are will would could should may might can did does do
    been being be later then again recently previously repeatedly once further earlier
    first just already still even never not n’t n't often now ’s 's ’ve 've ’d 'd ’ll
    'll ’re 're only too reportedly allegedly publicly privately openly flatly firmly strongly
    clearly explicitly specifically separately subsequently finally initially originally
    immediately quickly simply always frequently twice long himself herself itself
    themselves all both each ever cannot
    ’t 't didn doesn hasn haven hadn wouldn shouldn couldn isn wasn aren weren mustn
    """
)
# The first half of a negated auxiliary that is also a word or name of its own ("Don",
# "won"): it stands between a speaker and the cue only before "’t" ("don ’t think")
NEGATED_STEMS = _words("don won ca ain")
# Forms of "be": before a cue they make it progressive ("was saying") or passive.
BE_FORMS = frozenset({"was", "were", "is", "are", "been", "being", "be", "’s", "'s", "’re", "'re"})
# Words that end a speaker phrase when scanning left from the cue.
STOP_LEFT = _words(
    """
    that which who whom whose when while because although though if but and or so as
    where after before since until unless whether what why how nor yet not to by about
    into over under against between through during without within upon like said says
    say told there here also be been being has have had is was were are will would could
    should can may might must do does did him them us me
    """
)
# Modals that are also first names: before a reporting verb that is not a bare infinitive
# ("“…,” Will wrote") the word is a name, since a modal takes the bare form
MODAL_NAMES = _words("will may")
# Words that cannot end a speaker's noun phrase, though they may stand before a cue: a
# determiner with no noun ("there is no doubt"), a participle ("having said"), an adverb or
# comparative ("so far", "no longer", "more accurately predicted")
NON_HEADS = _words(
    """
    no any every having being very almost instead otherwise somehow far longer outright
    more hardly
    """
)
# Prepositions inside a noun phrase ("the head of the mission").
NP_PREPOSITIONS = frozenset({"of", "for", "from", "at", "in", "with", "on"})
# Words after a cue that start reported content.
CONTENT_MARKERS = frozenset({"that", "how", "what", "why", "whether", "if", "when", "where", "who"})
# Prepositions that open an adverbial after a cue ("said on Monday", "in a statement").
ADVERBIAL_PREPOSITIONS = _words(
    """
    on in at during after before while from via through over outside inside near upon
    since until following amid when as to with without under for by of about regarding
    referring according
    """
)
LEADING_PREPOSITIONS = NP_PREPOSITIONS | ADVERBIAL_PREPOSITIONS
# Words that open a subordinate clause or a scene-setting phrase ("When asked …",
# "Following the meeting …"): what they open is the frame's setting, not what was said.
SUBORDINATE_OPENERS = _words(
    """
    when if as after before while although though because since until unless once
    whether whenever following during despite amid at in on
    """
)
# Subordinators that, opening a sentence, make a clause whose reporting verb's content ends
# at the clause's comma ("While critics argue that …, the mayor …"); "as" is left out ("As
# the paper reported, …" holds no content of its own)
FRONTED_SUBORDINATORS = _words(
    """
    when while whereas although though if after before since once
    """
)
# Words that open a setting phrase, where and when something was said ("during a town hall",
# "in a later interview", "speaking in Salem"): its noun is no speaker
SETTING_PREPOSITIONS = _words("in during at on via through after before speaking")
# Subordinators after a cue: the clause they open ("said as she left") runs to its end.
SUBORDINATORS = frozenset({"as", "while", "when", "after", "before", "since", "until", "following"})
# Words of time and manner that may trail a cue ("said on Monday", "said again").
TIME_WORDS = _words(
    """
    yesterday today tonight earlier later monday tuesday wednesday thursday friday
    saturday sunday morning afternoon evening night week weekend month year last this
    next ago recently again also repeatedly once publicly privately separately
    previously then further now early late january february march april may june july
    august september october november december days weeks months years hours minutes day
    hour moments shortly soon afterward afterwards immediately
    """
)
TIME_UNITS = _words(
    """
    days weeks months years hours minutes day week month year hour moments
    """
)
# Tokens after which a speaker-cue frame can follow the content it reports (“ is a
# closing mark turned the wrong way there: “…,“ she said).
FRAME_OPENERS = frozenset({",", "”", "“", '"', "’", "'", "»", "›", "—", "–", "―", "--"})
CLAUSE_END = frozenset({",", ".", ";", "!", "?", "—", "–", "―", "--", ")", ":"})
DASHES = frozenset({"-", "–", "—", "―", "--"})
# A whole reported answer in one word: "46 percent said yes", "he said so"
ONE_WORD_ANSWERS = frozenset({"yes", "no", "so", "that", "nothing"})
# Words that end a noun-phrase object of a stance verb (not "because": the reason given
# for "mocked Kova for …", "called the plan “a mistake”" is part of what was said)
OBJECT_END = _words(
    """
    in on at during after before while when since last this but until amid
    despite earlier yesterday today monday tuesday wednesday thursday friday saturday
    sunday
    """
)
# Words opening a trailing clause that is the writer's, not part of the reported content
# (unless the content is a clause opened by "that", which keeps them).
TRAILERS = _words(
    """
    which compared while whereas despite prompting drawing sparking
    """
)
# Concessive words after a comma: part of a reported clause ("said the plan works,
# although costs rose"), but the writer's own addition after a quotation.
CONCESSIVES = _words("although though even")
# Words that make a speaker an organisation rather than a person ("the Foreign Ministry").
ORG_WORDS = _words(
    """
    ministry office department agency commission committee party council government news
    times post press institute university bank company corp inc group association union
    court police army campaign administration kremlin parliament assembly senate house
    service foundation network journal magazine television radio organization
    organisation force forces alliance embassy mission cabinet presidency coalition nato
    eu un
    """
)
# Capitalised words before a colon that label a line rather than name a speaker
SPEAKER_LINE_LABELS = _words(
    """
    note update updated editor editor’s editor's related source sources photo video
    watch read see more also correction disclosure advertisement subscribe follow click
    listen full transcript here here’s here's this the a an in on why what how who when
    where it but and so q question answer breaking revealed bombshell exclusive leaked
    paid just
    """
)
# Verbs that lead in to a cue and leave its subject the speaker: "X went on to say"
LEAD_INS = (
    ("went", "on", "to"),
    ("goes", "on", "to"),
    ("go", "on", "to"),
    ("going", "on", "to"),
    ("continued", "to"),
    ("continues", "to"),
)
# Nouns that end in "-ly": before a reporting verb they are the speaker ("the family
# said"); any other lower-case "-ly" word there is an adverb ("Manafort politely said")
NOUNS_IN_LY = _words(
    """
    ally anomaly assembly belly bully daily family folly homily jelly monopoly monthly
    oligopoly quarterly rally reply supply tally weekly
    """
)
# Pronouns that open a relative clause after a name ("Clinton, who served …, said")
RELATIVE_PRONOUNS = frozenset(("who", "which", "whose"))
# Verbs of beginning and going on that take a gerund cue: "he began talking about …",
# "she kept saying that …" report the subject of the aspect verb
ASPECT_VERBS = _words(
    """
    began begins begin started starts start kept keeps keep continued continues resumed
    resumes stopped
    """
)
# Words that link a gerund cue to the clause before it: "… by saying", "… before noting"
GERUND_LINKS = frozenset({"by", "before", "after", "while", "when", "without"})
# Things a speaker issues that a gerund cue may describe ("X issued a statement saying
# …", "sent out a press release saying …"): the one who issued it speaks, as for a comma
MESSAGE_NOUNS = _words(
    """
    statement statements release email e-mail emails letter letters message messages
    memo tweet tweets post note ad video notice
    """
)
# Sources of evidence that "show" or "find" things without being named: "polls show …",
# "the records show …" (a noun-like cue otherwise needs a named or pronoun subject)
EVIDENCE_NOUNS = _words(
    """
    poll polls survey surveys study studies data records documents analysis analyses
    report reports figures numbers results research evidence statistics estimates
    """
)
# Conjunctions that may join a following frame of another speaker to the content
# ("…, but others say …", "…, while critics called …")
NEXT_FRAME_LINKS = frozenset(
    {"but", "and", "while", "whereas", "yet", "although", "though", "after", "since", "so"}
)
# A sentence that opens with one of these and then a quotation resumes what the statement
# before it quoted: “A,” he said outside. But “B.”
RESUMING_LINKS = frozenset({"but", "and", "yet", "still"})
# Adverbs of sequence between "and" and a second verb of the same subject ("… and later
# said", "… and then tweeted")
SEQUENCE_ADVERBS = frozenset(
    {"then", "later", "also", "again", "quickly", "eventually", "finally", "immediately"}
)
