"""The store's refusals in the interface language (the store itself speaks English, for logs and the CLI).

Each known message is matched by a pattern; its variable parts (names, numbers) are put into a
translated template. A message not in the table is shown as it is, after a translated lead, so
the user always reads in their language what happened, and the detail is never lost.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "StoreErrors"

#: (pattern of the store's English message, template with %1, %2… for its groups)
MESSAGES: tuple[tuple[str, str], ...] = (
    (r"no (\w+) with id (\S+)",
     QT_TRANSLATE_NOOP("StoreErrors", "The %1 #%2 no longer exists.")),
    (r"a tag needs a name",
     QT_TRANSLATE_NOOP("StoreErrors", "A tag needs a name.")),
    (r"tag name '(.*)' cannot contain '/'.*",
     QT_TRANSLATE_NOOP("StoreErrors", "The tag name “%1” cannot contain “/”: it separates the levels of tag paths.")),
    (r"colour '(.*)' is not of the form #rrggbb",
     QT_TRANSLATE_NOOP("StoreErrors", "The colour “%1” is not of the form #rrggbb.")),
    (r"a tag named '(.*)' already exists (.*)",
     QT_TRANSLATE_NOOP("StoreErrors", "A tag named “%1” already exists there.")),
    (r"keyboard slot must be 1-9, not (.*)",
     QT_TRANSLATE_NOOP("StoreErrors", "A tag key is 1 to 9, not %1.")),
    (r"keyboard slot (\d+) is already used by tag '(.*)'",
     QT_TRANSLATE_NOOP("StoreErrors", "Key %1 already belongs to the tag “%2”.")),
    (r"cannot merge a tag into itself",
     QT_TRANSLATE_NOOP("StoreErrors", "A tag cannot be merged into itself.")),
    (r"a correction cannot contain a line break.*",
     QT_TRANSLATE_NOOP("StoreErrors", "A correction cannot contain a line break: split the paragraph instead.")),
    (r"a correction must stay inside one paragraph.*",
     QT_TRANSLATE_NOOP("StoreErrors", "A correction must stay inside one paragraph: join the paragraphs first.")),
    (r"the correction changes nothing",
     QT_TRANSLATE_NOOP("StoreErrors", "The correction changes nothing.")),
    (r"range \[(\d+), (\d+)\) is outside the article text \(length (\d+)\)",
     QT_TRANSLATE_NOOP("StoreErrors", "Characters %1–%2 are outside the article (it has %3).")),
    (r"the last block of an article has nothing after it to join.*",
     QT_TRANSLATE_NOOP("StoreErrors", "The article's last block has nothing after it to join: merge the articles instead.")),
    (r"the block already has the role (\w+)",
     QT_TRANSLATE_NOOP("StoreErrors", "The block already has this role.")),
    (r"only the first block of an article can move to the previous article",
     QT_TRANSLATE_NOOP("StoreErrors", "Only the article's first block can move to the previous article.")),
    (r"only the last block of an article can move to the next article",
     QT_TRANSLATE_NOOP("StoreErrors", "Only the article's last block can move to the next article.")),
    (r"this is the article's only block.*",
     QT_TRANSLATE_NOOP("StoreErrors", "This is the article's only block: merge the articles instead.")),
    (r"this is the first article of its source.*",
     QT_TRANSLATE_NOOP("StoreErrors", "This is the first article of its page: there is no previous article.")),
    (r"this is the last article of its source: there is nothing to merge it with",
     QT_TRANSLATE_NOOP("StoreErrors", "This is the last article of its page: there is nothing to merge it with.")),
    (r"this is the last article of its source.*",
     QT_TRANSLATE_NOOP("StoreErrors", "This is the last article of its page: there is no next article.")),
    (r"the article already starts with this block.*",
     QT_TRANSLATE_NOOP("StoreErrors", "The article already starts with this block.")),
    (r"edit #(\d+) is already reverted \(by #(\d+)\)",
     QT_TRANSLATE_NOOP("StoreErrors", "Edit #%1 is already reverted (by #%2).")),
    (r"the query is empty.*",
     QT_TRANSLATE_NOOP("StoreErrors", "The search is empty: type something to search for.")),
    (r"invalid regular expression: (.*)",
     QT_TRANSLATE_NOOP("StoreErrors", "Invalid regular expression: %1")),
    (r"the query is too long \((\d+) characters; at most (\d+)\)",
     QT_TRANSLATE_NOOP("StoreErrors", "The search is too long (%1 characters; at most %2).")),
    # reading a file (import work, import a codebook): the file's name, the line, what is wrong there
    (r"(.+): cannot be read: (.*)",
     QT_TRANSLATE_NOOP("StoreErrors", "%1 cannot be read: %2.")),
    (r"(.+), line (\d+): not JSON \((.*)\)",
     QT_TRANSLATE_NOOP("StoreErrors", "%1, line %2: this is not JSON (%3).")),
    (r"(.+), line (\d+): not UTF-8 text",
     QT_TRANSLATE_NOOP("StoreErrors", "%1, line %2: this is not UTF-8 text.")),
    (r"(.+), line (\d+): not an article of a Jiaokan JSONL export",
     QT_TRANSLATE_NOOP("StoreErrors", "%1, line %2: this is not an article of a Jiaokan JSONL export.")),
    (r"(.+), line (\d+): no format header.*",
     QT_TRANSLATE_NOOP("StoreErrors", "%1, line %2: no format header: this is not a Jiaokan JSONL export.")),
    (r"(.+), line (\d+): (.+)",
     QT_TRANSLATE_NOOP("StoreErrors", "%1, line %2 cannot be used: %3")),
    # a page's attributes (Source Properties)
    (r"'(.*)' is not a date: write it as YYYY-MM-DD.*",
     QT_TRANSLATE_NOOP("StoreErrors", "“%1” is not a date: write it as YYYY-MM-DD, e.g. 2025-10-01.")),
    (r"'(.*)' is not a page number: give a whole number from 1 to (\d+)",
     QT_TRANSLATE_NOOP("StoreErrors", "“%1” is not a page number: give a whole number from 1 to %2.")),
    (r"a page name is at most (\d+) characters, not (\d+)",
     QT_TRANSLATE_NOOP("StoreErrors", "A page name has at most %1 characters, not %2.")),
    # the search's page filter (db.page_filter) and a merge conflict over a page's attribute
    (r"the (start|end) of the date range, '(.*)', is not a day, month or year.*",
     QT_TRANSLATE_NOOP("StoreErrors", "The %1 of the date range, “%2”, is not a day, month or year: write 2025-10-01, 2025-10 or 2025.")),
    (r"the date range is empty: it starts on (\S+), after its end (\S+)",
     QT_TRANSLATE_NOOP("StoreErrors", "The date range is empty: it starts on %1, after its end %2.")),
    (r"conflict #(\d+): the page's \w+ changed since.*",
     QT_TRANSLATE_NOOP("StoreErrors", "Conflict #%1: the page's value changed since the merge; set it by hand (Source Properties).")),
    (r"cannot write (.+): the folder (.+) does not exist",
     QT_TRANSLATE_NOOP("StoreErrors", "Cannot write %1: the folder %2 does not exist.")),
)
_COMPILED = tuple((re.compile(pattern + r"\.?\s*$"), template) for pattern, template in MESSAGES)

#: The store's own words a message may lead with ("The %1 …"): record kinds and the ends of a date range.
STORE_WORDS = {
    "tag": QT_TRANSLATE_NOOP("StoreErrors", "tag"),
    "article": QT_TRANSLATE_NOOP("StoreErrors", "article"),
    "source": QT_TRANSLATE_NOOP("StoreErrors", "page"),
    "note": QT_TRANSLATE_NOOP("StoreErrors", "note"),
    "block": QT_TRANSLATE_NOOP("StoreErrors", "block"),
    "edit": QT_TRANSLATE_NOOP("StoreErrors", "edit"),
    "annotation": QT_TRANSLATE_NOOP("StoreErrors", "annotation"),
    "conflict": QT_TRANSLATE_NOOP("StoreErrors", "conflict"),
    "start": QT_TRANSLATE_NOOP("StoreErrors", "start"),
    "end": QT_TRANSLATE_NOOP("StoreErrors", "end"),
}


def translate_store_error(message: str | BaseException) -> str:
    """The store's message in the interface language (the English message, led by a translated line, if unknown)."""
    text = str(message).strip()
    for pattern, template in _COMPILED:
        found = pattern.match(text)
        if found is None:
            continue
        out = QCoreApplication.translate(CONTEXT, template)
        for i, value in enumerate(found.groups(), 1):
            if i == 1 and template.startswith("The %1 "):  # a word of the store's own, not the user's
                value = QCoreApplication.translate(CONTEXT, STORE_WORDS.get(value, value))
            out = out.replace(f"%{i}", value)
        return out
    lead = QCoreApplication.translate("StoreErrors", "The project refused the change:")
    return f"{lead}\n{text}"
